import IAMPolicy

/// What the learner's submission is, and where it goes in the world.
public enum SubmissionSlot: Sendable, Equatable {
    /// An identity-based policy attached to a user or role (replacing its policies named in
    /// the world under the same name, if any).
    case identityPolicy(principal: PrincipalRef, name: String)
    /// A stream's resource-based policy.
    case streamPolicy(stream: String)
    /// A KMS key's key policy.
    case keyPolicy(key: String)
    /// A role's trust policy.
    case trustPolicy(role: String)
    /// Answers to a `predict` quiz: a JSON object from question id to a decision.
    case answers

    /// The policy grammar the submission is checked against, or `nil` for answers.
    public var policyType: PolicyType? {
        switch self {
        case .identityPolicy: .identity
        case .streamPolicy, .keyPolicy: .resource
        case .trustPolicy: .trust
        case .answers: nil
        }
    }

    /// The name the submission's policy has in the world (explanations name it), or `nil`
    /// for answers.
    public var policyName: String? {
        switch self {
        case .identityPolicy(_, let name): name
        case .streamPolicy, .keyPolicy, .trustPolicy: Self.defaultPolicyName
        case .answers: nil
        }
    }

    /// The policy name a submission takes in the world when its slot does not name one.
    public static let defaultPolicyName = "submission"

    /// A few words for the learner: "the identity policy of role/checkout-producer".
    public var summary: String {
        switch self {
        case .identityPolicy(let p, _): "the identity policy of \(p)"
        case .streamPolicy(let s): "the resource policy of stream \(s)"
        case .keyPolicy(let k): "the key policy of key \(k)"
        case .trustPolicy(let r): "the trust policy of role/\(r)"
        case .answers: "your answers"
        }
    }
}
