/// IAM's and STS's model constraints and the quotas kdslab enforces, in one table: every
/// length, range and quota an operation checks is named here, as the API reference and the
/// IAM quotas page give it.
public enum IAMLimits {
    // MARK: Names (pattern `[\w+=,.@-]+`)

    /// `UserName` where a user is created.
    public static let newUserName = 1...64
    /// `UserName` where an existing user is named.
    public static let userName = 1...128
    /// `RoleName`.
    public static let roleName = 1...64
    /// `PolicyName`, inline or managed.
    public static let policyName = 1...128
    /// `RoleSessionName` (pattern `[\w+=,.@-]*`).
    public static let roleSessionName = 2...64

    // MARK: Other members

    /// `Path`: `/` or `/…/` of printable ASCII.
    public static let path = 1...512
    /// `PolicyDocument`, `AssumeRolePolicyDocument`, `Policy`: characters as sent.
    public static let policyDocument = 1...131_072
    /// `Description` of a managed policy.
    public static let description = 0...1000
    /// `PolicyArn`, `RoleArn`, `PolicySourceArn`.
    public static let arn = 20...2048
    /// `AccessKeyId` (pattern `[\w]+`).
    public static let accessKeyId = 16...128
    /// `MaxSessionDuration` of a role, in seconds.
    public static let maxSessionDuration = 3600...43_200
    /// `DurationSeconds` of an AssumeRole session (further bounded by the role's maximum).
    public static let durationSeconds = 900...43_200
    /// `MaxItems` of a paginated call.
    public static let maxItems = 1...1000

    // MARK: Quotas

    /// `AccessKeysPerUser`.
    public static let accessKeysPerUser = 2
    /// `PoliciesPerUser`: managed policies attached to one user.
    public static let managedPoliciesPerUser = 10
    /// `PoliciesPerRole`: managed policies attached to one role.
    public static let managedPoliciesPerRole = 10
    /// The quota names of ``managedPoliciesPerUser`` and ``managedPoliciesPerRole``.
    static func attachedPoliciesQuota(_ kind: IAMPrincipalKind) -> (name: String, limit: Int) {
        switch kind {
        case .user: ("PoliciesPerUser", managedPoliciesPerUser)
        case .role: ("PoliciesPerRole", managedPoliciesPerRole)
        }
    }
}

extension IAMLimits {
    /// Whether `name` is a valid user, role or policy name of at most `length` characters:
    /// `[\w+=,.@-]+`.
    public static func isValidName(_ name: String, length: ClosedRange<Int> = policyName) -> Bool {
        length.contains(name.unicodeScalars.count) && IAMValidation.Pattern.name.matches(name)
    }

    /// Whether `path` is a valid IAM path: `/`, or `/`, printable ASCII, `/`; at most 512 characters.
    public static func isValidPath(_ path: String) -> Bool {
        IAMLimits.path.contains(path.unicodeScalars.count) && IAMValidation.Pattern.path.matches(path)
    }
}
