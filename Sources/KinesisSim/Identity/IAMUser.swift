/// An IAM user: long-term credentials, identity policies, an optional permissions boundary.
public struct IAMUser: Sendable {
    /// The user's name.
    public var name: String
    /// `arn:aws:iam::ACCOUNT:user/NAME`.
    public var arn: String
    /// Identity-based policies (inline and managed alike).
    public var policies: [NamedPolicy]
    /// The permissions boundary, if any.
    public var permissionsBoundary: NamedPolicy?
    /// Tags, read by `aws:PrincipalTag/KEY`.
    public var tags: [String: String]

    /// Creates a user.
    public init(name: String, account: String, policies: [NamedPolicy] = [], permissionsBoundary: NamedPolicy? = nil,
                tags: [String: String] = [:]) {
        self.name = name
        self.arn = "arn:aws:iam::\(account):user/\(name)"
        self.policies = policies
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
    }
}
