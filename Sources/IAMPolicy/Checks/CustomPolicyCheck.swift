/// IAM Access Analyzer's custom policy checks, by the names of their API operations.
public enum CustomPolicyCheck: String, Sendable, Equatable, CaseIterable {
    /// Whether a new version of a policy allows anything the existing one does not.
    case noNewAccess = "CheckNoNewAccess"
    /// Whether a policy allows any of the listed actions or resources.
    case accessNotGranted = "CheckAccessNotGranted"
    /// Whether a resource policy grants access to the public.
    case noPublicAccess = "CheckNoPublicAccess"

    /// The AWS CLI's (and kdslab's) name: `check-no-new-access`.
    public var commandName: String {
        switch self {
        case .noNewAccess: "check-no-new-access"
        case .accessNotGranted: "check-access-not-granted"
        case .noPublicAccess: "check-no-public-access"
        }
    }
}
