/// Turns policy JSON into a ``Policy``, rejecting what IAM rejects as `MalformedPolicyDocument`.
///
/// The parser keeps going after a problem where it can, so ``diagnose(_:)`` reports every
/// error at once (as a linter should); ``parse(_:)`` throws the first (as IAM does).
public struct PolicyParser: Sendable {
    /// The kind of policy being read; it decides whether `Principal` and `Resource` are required.
    public var type: PolicyType
    /// Limits on the JSON text.
    public var limits: JSONReader.Limits

    /// Creates a parser for one kind of policy.
    public init(type: PolicyType = .identity, limits: JSONReader.Limits = .policy) {
        self.type = type
        self.limits = limits
    }

    /// Parses `text`, throwing the first problem found.
    public func parse(_ text: String) throws(PolicyParseError) -> Policy {
        let (policy, errors) = diagnose(text)
        if let first = errors.first { throw first }
        guard let policy else {
            throw PolicyParseError(
                .jsonSyntax, message: Self.syntaxErrors, detail: "the policy could not be read.",
                range: SourceRange(at: .start), path: "")
        }
        return policy
    }

    /// Parses `text`, returning the policy when it is well formed and every problem found.
    public func diagnose(_ text: String) -> (policy: Policy?, errors: [PolicyParseError]) {
        let root: JSONValue
        do {
            root = try JSONReader(limits: limits).read(text)
        } catch {
            let code: PolicyParseError.Code
            let message: String
            switch error.reason {
            case .tooLarge(let bytes, let limit):
                code = .tooLarge
                message = "Maximum policy size of \(limit) bytes exceeded (the document is \(bytes) bytes)."
            case .tooDeep:
                code = .tooDeep
                message = Self.syntaxErrors
            default:
                code = .jsonSyntax
                message = Self.syntaxErrors
            }
            return (nil, [PolicyParseError(
                code, message: message, detail: error.message + ".",
                range: SourceRange(at: error.position), path: "")])
        }
        var state = _PolicyParseState(type: type)
        let policy = state.policy(root)
        return (state.errors.isEmpty ? policy : nil, state.errors)
    }

    /// IAM's catch-all wording for a malformed document.
    public static let syntaxErrors = "Syntax errors in policy."
}
