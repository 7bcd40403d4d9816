/// A customer managed policy of a lab's world: created before the lab starts, attached by
/// the users and roles that list it in `attachedPolicies`.
public struct ManagedPolicySpec: Sendable, Equatable {
    /// The policy's name, unique in its account.
    public var name: String
    /// Its account (the home account unless the lab says otherwise).
    public var account: String
    /// Its path (`/` unless given, such as `/team/`).
    public var path: String
    /// What it is for, as IAM's `Description`.
    public var description: String?
    /// The document (its version `v1`, the default).
    public var policy: PolicySpec

    /// Creates a managed policy spec.
    public init(name: String, account: String, path: String = "/", description: String? = nil, policy: PolicySpec) {
        self.name = name
        self.account = account
        self.path = path
        self.description = description
        self.policy = policy
    }

    /// `arn:aws:iam::ACCOUNT:policy/PATH/NAME`: the id the evaluator gives the policy.
    public var arn: String { "arn:aws:iam::\(account):policy\(path)\(name)" }
}
