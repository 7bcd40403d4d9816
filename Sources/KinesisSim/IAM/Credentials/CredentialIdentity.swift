/// Who a set of credentials belongs to.
public enum CredentialIdentity: Sendable {
    /// An access key of IAM user `name` in `account`.
    case user(name: String, account: String)
    /// Temporary credentials of a role session from `sts:AssumeRole`; the caller carries the
    /// session's ARN, session policy and expiry.
    case roleSession(Caller)
}
