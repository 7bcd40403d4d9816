/// A policy prepared for fast, repeated evaluation: patterns compiled, condition values read.
///
/// Compile once when a policy is attached; evaluate it for every request.
public struct CompiledPolicy: Sendable {
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
    let actions: [ActionMatcher]
    /// `nil` when the statement names no resource (a trust policy): it applies to any.
    let resourceNegated: Bool
    let resources: [ResourceMatcher]?
    let principal: PrincipalClause?
    let conditions: [CompiledCondition]

    init(_ s: Statement, variables: Bool) {
        source = s
        effect = s.effect
        actionNegated = s.action.isNegated
        actions = s.action.patterns.map { ActionMatcher($0.text) }
        resourceNegated = s.resource?.isNegated ?? false
        resources = s.resource.map { $0.patterns.map { ResourceMatcher($0.text, variables: variables) } }
        principal = s.principal
        conditions = s.conditions.map { CompiledCondition($0, variables: variables) }
    }
}

/// An `Action` entry compiled for case-insensitive matching.
struct ActionMatcher: Sendable {
    enum Kind: Sendable {
        case any
        case exact([UInt8])
        case glob([Glob.Token])
    }
    let kind: Kind

    init(_ text: String) {
        if !text.isEmpty && text.utf8.allSatisfy({ $0 == UInt8(ascii: "*") }) {
            kind = .any
        } else if Glob.hasWildcard(text) {
            kind = .glob(Glob.compile(text, caseInsensitive: true))
        } else {
            kind = .exact(text.utf8.map(Glob.lowerASCII))
        }
    }

    /// Whether `action` (any case) matches; the pattern was lower-cased when compiled.
    @inline(__always)
    func matches(_ action: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case .any: return true
        case .exact(let bytes):
            guard bytes.count == action.count else { return false }
            for i in 0..<bytes.count where bytes[i] != Glob.lowerASCII(action[i]) { return false }
            return true
        case .glob(let tokens):
            return Glob.matches(tokens, action, caseInsensitive: true)
        }
    }
}

/// A `Resource` entry compiled for case-sensitive matching.
struct ResourceMatcher: Sendable {
    enum Kind: Sendable {
        case any
        case exact([UInt8])
        case glob([Glob.Token])
        case template(PolicyVariableTemplate)
    }
    let kind: Kind

    init(_ text: String, variables: Bool) {
        if !text.isEmpty && text.utf8.allSatisfy({ $0 == UInt8(ascii: "*") }) {
            kind = .any
        } else if variables, let t = PolicyVariableTemplate(text) {
            kind = .template(t)
        } else if Glob.hasWildcard(text) {
            kind = .glob(Glob.compile(text))
        } else {
            kind = .exact(Array(text.utf8))
        }
    }

    /// Whether the requested resource (an ARN, or `*` for resource-less actions) matches.
    /// An unresolvable variable makes the entry match nothing.
    @inline(__always)
    func matches(_ resource: UnsafeBufferPointer<UInt8>, context: RequestContext) -> Bool {
        switch kind {
        case .any: return true
        case .exact(let bytes):
            guard bytes.count == resource.count else { return false }
            return bytes.withUnsafeBufferPointer { Bytes.equal($0, resource) }
        case .glob(let tokens):
            // A concrete ARN pattern never matches the literal `*` of resource-less actions.
            if resource.count == 1 && resource[0] == UInt8(ascii: "*") { return false }
            return Glob.matches(tokens, resource, caseInsensitive: false)
        case .template(let t):
            if resource.count == 1 && resource[0] == UInt8(ascii: "*") { return false }
            guard let tokens = t.resolve(in: context, wildcards: true) else { return false }
            return Glob.matches(tokens, resource, caseInsensitive: false)
        }
    }
}
