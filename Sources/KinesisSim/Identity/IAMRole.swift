/// An IAM role: no long-term credentials; principals its trust policy names may assume it.
public struct IAMRole: Sendable {
    /// The role's name.
    public var name: String
    /// `arn:aws:iam::ACCOUNT:role/NAME`.
    public var arn: String
    /// Who may assume the role (`sts:AssumeRole`).
    public var trustPolicy: NamedPolicy?
    /// Identity-based policies.
    public var policies: [NamedPolicy]
    /// The permissions boundary, if any.
    public var permissionsBoundary: NamedPolicy?
    /// Tags, read by `aws:PrincipalTag/KEY` in the role's sessions.
    public var tags: [String: String]
    /// The longest session, in seconds (IAM's default is one hour).
    public var maxSessionDurationSeconds: Int

    /// Creates a role.
    public init(name: String, account: String, trustPolicy: NamedPolicy? = nil, policies: [NamedPolicy] = [],
                permissionsBoundary: NamedPolicy? = nil, tags: [String: String] = [:], maxSessionDurationSeconds: Int = 3600) {
        self.name = name
        self.arn = "arn:aws:iam::\(account):role/\(name)"
        self.trustPolicy = trustPolicy
        self.policies = policies
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
        self.maxSessionDurationSeconds = maxSessionDurationSeconds
    }
}
