/// The answer of a custom policy check, in Access Analyzer's shape (`result`, `message`,
/// `reasons`) plus kdslab's own `counterexample` and `unknown`.
public struct PolicyCheckResult: Sendable, Equatable {
    /// `PASS` or `FAIL`.
    public enum Verdict: String, Sendable, Equatable {
        case pass = "PASS"
        case fail = "FAIL"
    }

    /// The verdict. An answer the analysis could not decide is `fail`, with ``unknown`` set.
    public var result: Verdict
    /// One sentence saying what the verdict means.
    public var message: String
    /// The statements that grant the access found, one reason each.
    public var reasons: [PolicyCheckReason]
    /// One request that shows the failure (kdslab's addition; AWS gives none).
    public var counterexample: PolicyCheckCounterexample?
    /// Why the analysis could not decide, when it could not (the result is then `fail`).
    public var unknown: String?

    /// Creates a result.
    public init(result: Verdict, message: String, reasons: [PolicyCheckReason] = [],
                counterexample: PolicyCheckCounterexample? = nil, unknown: String? = nil) {
        self.result = result
        self.message = message
        self.reasons = reasons
        self.counterexample = counterexample
        self.unknown = unknown
    }

    /// Whether the check passed.
    public var passed: Bool { result == .pass }
}

/// One of a result's reasons (Access Analyzer's `ReasonSummary`): a statement that grants
/// the access, with where it sits.
public struct PolicyCheckReason: Sendable, Equatable {
    /// One sentence naming the statement.
    public var description: String
    /// 0-based position among the result's reasons.
    public var reasonIndex: Int
    /// 0-based index of the statement in its policy.
    public var statementIndex: Int
    /// The statement's `Sid`, when it has one.
    public var statementId: String?
    /// Which input holds the statement (`newPolicyDocument`, `policyDocument`); not in
    /// AWS's response.
    public var policy: String
    /// Where the statement sits in that policy's text; not in AWS's response.
    public var range: SourceRange

    /// Creates a reason.
    public init(description: String, reasonIndex: Int, statementIndex: Int, statementId: String?,
                policy: String, range: SourceRange) {
        self.description = description
        self.reasonIndex = reasonIndex
        self.statementIndex = statementIndex
        self.statementId = statementId
        self.policy = policy
        self.range = range
    }
}

/// A request that shows why a check failed: who, what, on what, in which context.
public struct PolicyCheckCounterexample: Sendable, Equatable {
    /// The caller's ARN (a role session's ARN, a service's name, `*` for anonymous).
    public var principal: String
    /// The action.
    public var action: String
    /// The resource ARN (`*` for actions without a resource).
    public var resource: String
    /// The request context, in SimulateCustomPolicy's `ContextEntries` form (sorted by key).
    public var context: [ContextEntry]
    /// Whether the caller is anonymous.
    public var anonymous: Bool

    /// Creates a counterexample.
    public init(principal: String, action: String, resource: String, context: [ContextEntry], anonymous: Bool = false) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.context = context
        self.anonymous = anonymous
    }
}
