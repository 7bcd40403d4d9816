/// Every policy that bears on one request, by the role each plays in IAM's decision.
public struct PolicySet: Sendable {
    /// Identity-based policies: the caller's inline and managed policies (and its groups').
    public var identityPolicies: [AttachedPolicy]
    /// The resource's resource-based policy (stream policy, key policy, trust policy), if any.
    public var resourcePolicy: AttachedPolicy?
    /// The caller's permissions boundary, if any.
    public var permissionsBoundary: AttachedPolicy?
    /// Session policies passed when the role session was created; `nil` when there were none.
    public var sessionPolicies: [AttachedPolicy]?
    /// Service control policies, one list per level from the organization root down to the
    /// account; `nil` when the account is not in an organization.
    public var serviceControlPolicies: [[AttachedPolicy]]?
    /// Whether the resource policy must allow even within one account, as a KMS key policy
    /// must: identity policies then count only when the key policy names the account (or
    /// grants the caller directly). Off for streams, where an identity Allow suffices.
    public var resourcePolicyRequired: Bool = false

    /// Creates a policy set.
    public init(
        identityPolicies: [AttachedPolicy] = [], resourcePolicy: AttachedPolicy? = nil,
        permissionsBoundary: AttachedPolicy? = nil, sessionPolicies: [AttachedPolicy]? = nil,
        serviceControlPolicies: [[AttachedPolicy]]? = nil
    ) {
        self.identityPolicies = identityPolicies
        self.resourcePolicy = resourcePolicy
        self.permissionsBoundary = permissionsBoundary
        self.sessionPolicies = sessionPolicies
        self.serviceControlPolicies = serviceControlPolicies
    }
}

/// A compiled policy with the name and source type a result reports for it.
public struct AttachedPolicy: Sendable {
    /// How results name the policy (`PolicyInputList.1`, `checkout-producer/inline`).
    public var id: String
    /// SimulateCustomPolicy's `SourcePolicyType`.
    public var sourceType: PolicySourceType?
    /// The policy.
    public var policy: CompiledPolicy

    /// Creates an attached policy.
    public init(id: String, sourceType: PolicySourceType? = nil, policy: CompiledPolicy) {
        self.id = id
        self.sourceType = sourceType
        self.policy = policy
    }

    /// Parses and compiles `text` as a policy of `type`.
    public init(id: String, sourceType: PolicySourceType? = nil, text: String, type: PolicyType = .identity) throws(PolicyParseError) {
        let policy = try PolicyParser(type: type).parse(text)
        self.init(id: id, sourceType: sourceType, policy: CompiledPolicy(policy))
    }
}

/// SimulateCustomPolicy's names for where a matched statement came from.
public enum PolicySourceType: String, Sendable, Equatable, CaseIterable {
    case user, group, role
    case awsManaged = "aws-managed"
    case userManaged = "user-managed"
    case resource
    case none
}

/// The roles a policy plays in a decision (the words AWS's messages use for each).
public enum PolicyKind: String, Sendable, Equatable, CaseIterable {
    case identity = "identity-based policy"
    case resource = "resource-based policy"
    case permissionsBoundary = "permissions boundary"
    case session = "session policy"
    case serviceControl = "service control policy"
}
