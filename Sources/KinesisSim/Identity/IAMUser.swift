import IAMPolicy

/// An IAM user: long-term credentials, inline policies, attached managed policies, an
/// optional permissions boundary.
public struct IAMUser: Sendable {
    /// The user's name.
    public var name: String
    /// The path (`/` unless created under one, such as `/team/`).
    public var path: String
    /// `arn:aws:iam::ACCOUNT:user/PATH/NAME` (no path segments for `/`).
    public var arn: String
    /// Inline policies, by name, in the order they were first put.
    public var policies: [NamedPolicy]
    /// The ARNs of the managed policies attached, in attachment order.
    public var attachedPolicies: [String]
    /// The permissions boundary, if any.
    public var permissionsBoundary: NamedPolicy?
    /// Tags, read by `aws:PrincipalTag/KEY`.
    public var tags: [String: String]
    /// When the user was created; `nil` until the world adds it (then its clock's time).
    public var createDate: Timestamp?

    /// Creates a user.
    public init(name: String, account: String, path: String = "/", policies: [NamedPolicy] = [],
                attachedPolicies: [String] = [], permissionsBoundary: NamedPolicy? = nil, tags: [String: String] = [:],
                createDate: Timestamp? = nil) {
        self.name = name
        self.path = path
        self.arn = "arn:aws:iam::\(account):user\(path)\(name)"
        self.policies = policies
        self.attachedPolicies = attachedPolicies
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
        self.createDate = createDate
    }
}
