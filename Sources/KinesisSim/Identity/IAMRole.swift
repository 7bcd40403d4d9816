import IAMPolicy

/// An IAM role: no long-term credentials; principals its trust policy names may assume it.
public struct IAMRole: Sendable {
    /// The role's name.
    public var name: String
    /// The path (`/` unless created under one).
    public var path: String
    /// `arn:aws:iam::ACCOUNT:role/PATH/NAME` (no path segments for `/`).
    public var arn: String
    /// Who may assume the role (`sts:AssumeRole`).
    public var trustPolicy: NamedPolicy?
    /// Inline policies, by name, in the order they were first put.
    public var policies: [NamedPolicy]
    /// The ARNs of the managed policies attached, in attachment order.
    public var attachedPolicies: [String]
    /// The permissions boundary, if any.
    public var permissionsBoundary: NamedPolicy?
    /// Tags, read by `aws:PrincipalTag/KEY` in the role's sessions.
    public var tags: [String: String]
    /// The longest session, in seconds (IAM's default is one hour).
    public var maxSessionDurationSeconds: Int
    /// When the role was created; `nil` until the world adds it (then its clock's time).
    public var createDate: Timestamp?

    /// Creates a role.
    public init(name: String, account: String, path: String = "/", trustPolicy: NamedPolicy? = nil,
                policies: [NamedPolicy] = [], attachedPolicies: [String] = [], permissionsBoundary: NamedPolicy? = nil,
                tags: [String: String] = [:], maxSessionDurationSeconds: Int = 3600, createDate: Timestamp? = nil) {
        self.name = name
        self.path = path
        self.arn = "arn:aws:iam::\(account):role\(path)\(name)"
        self.trustPolicy = trustPolicy
        self.policies = policies
        self.attachedPolicies = attachedPolicies
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
        self.maxSessionDurationSeconds = maxSessionDurationSeconds
        self.createDate = createDate
    }
}
