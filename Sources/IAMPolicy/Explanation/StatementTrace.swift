/// What happened to one statement when a request was judged: the raw material of an explanation.
public struct StatementTrace: Sendable, Equatable {
    /// The policy's id.
    public var policyId: String
    /// The role the policy played.
    public var kind: PolicyKind
    /// 0-based index of the statement.
    public var statementIndex: Int
    /// The statement's `Sid`.
    public var sid: String?
    /// The statement's effect.
    public var effect: Effect
    /// Where the statement sits.
    public var range: SourceRange
    /// Whether and why it applied.
    public var outcome: Outcome

    /// Creates a trace entry.
    public init(policyId: String, kind: PolicyKind, statementIndex: Int, sid: String?, effect: Effect,
                range: SourceRange, outcome: Outcome) {
        self.policyId = policyId
        self.kind = kind
        self.statementIndex = statementIndex
        self.sid = sid
        self.effect = effect
        self.range = range
        self.outcome = outcome
    }

    /// Why a statement did or did not apply.
    public enum Outcome: Sendable, Equatable {
        /// Action, resource, principal and every condition matched.
        case applied
        /// No `Action` entry matched (or a `NotAction` entry did).
        case actionNotMatched
        /// No `Resource` entry matched (or a `NotResource` entry did).
        case resourceNotMatched
        /// The `Principal` does not name the caller.
        case principalNotMatched
        /// A condition was false; `missingKey` when its key was absent from the request.
        case conditionFailed(Condition, missingKey: Bool)
    }

    /// How a person names the statement: `statement "Sid"` or `statement 2`.
    public var label: String {
        if let sid, !sid.isEmpty { return "statement \"\(sid)\"" }
        return "statement \(statementIndex + 1)"
    }
}
