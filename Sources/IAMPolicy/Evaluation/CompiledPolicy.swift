/// A policy prepared for fast, repeated evaluation: patterns compiled, condition values read.
///
/// Compile once when a policy is attached; evaluate it for every request. A class, so that
/// attaching it to many principals and passing it around shares one copy.
public final class CompiledPolicy: Sendable {
    /// The policy as parsed.
    public let source: Policy
    /// The statements, compiled, in document order.
    let statements: [CompiledStatement]

    /// Compiles `policy`.
    public init(_ policy: Policy) {
        source = policy
        let variables = policy.supportsVariables
        statements = policy.statements.map { CompiledStatement($0, variables: variables) }
    }
}

/// One statement, compiled. A class, so the hot loop walks references instead of copying
/// (and retaining) every field of every statement.
final class CompiledStatement: Sendable {
    let source: Statement
    let effect: Effect
    let actionNegated: Bool
    /// `Action`/`NotAction` entries: matched case-insensitively.
    let actions: PatternSet
    let resourceNegated: Bool
    /// `Resource`/`NotResource` entries; `nil` when the statement names none (a trust
    /// policy): it then applies to any resource.
    let resources: PatternSet?
    let principal: PrincipalClause?
    let conditions: [CompiledCondition]

    init(_ s: Statement, variables: Bool) {
        source = s
        effect = s.effect
        actionNegated = s.action.isNegated
        actions = PatternSet(s.action.patterns.map(\.text), caseInsensitive: true, variables: false)
        resourceNegated = s.resource?.isNegated ?? false
        resources = s.resource.map { PatternSet($0.patterns.map(\.text), caseInsensitive: false, variables: variables) }
        principal = s.principal
        conditions = s.conditions.map { CompiledCondition($0, variables: variables) }
    }
}
