import IAMPolicy

/// A policy attached to an identity or resource, with its name and its text.
public struct NamedPolicy: Sendable {
    /// The policy's name (`checkout-producer-inline`).
    public var name: String
    /// The policy document as written (kept for GetPolicy-style answers and explanations).
    public var text: String
    /// The compiled policy.
    public var compiled: CompiledPolicy

    /// Parses and compiles `text` as a policy of `type`.
    public init(name: String, text: String, type: PolicyType = .identity) throws(PolicyParseError) {
        self.name = name
        self.text = text
        self.compiled = CompiledPolicy(try PolicyParser(type: type).parse(text))
    }

    /// The policy as the evaluator takes it.
    func attached(as sourceType: PolicySourceType?) -> AttachedPolicy {
        AttachedPolicy(id: name, sourceType: sourceType, policy: compiled)
    }
}
