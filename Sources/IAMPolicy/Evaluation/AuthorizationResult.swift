/// IAM's decision, in AWS's vocabulary.
public enum Decision: String, Sendable, Equatable, CaseIterable {
    /// An Allow applied and no Deny did.
    case allowed
    /// A Deny statement applied (it wins over every Allow).
    case explicitDeny
    /// Nothing allowed the request (and nothing denied it): the default.
    case implicitDeny
}

/// A statement that decided (or contributed to) a result.
public struct MatchedStatement: Sendable, Equatable {
    /// The policy's id as the result reports it.
    public var policyId: String
    /// The policy's source type, when known.
    public var sourceType: PolicySourceType?
    /// The role the policy played.
    public var kind: PolicyKind
    /// 0-based index of the statement in its policy.
    public var statementIndex: Int
    /// The statement's `Sid`.
    public var sid: String?
    /// The statement's effect.
    public var effect: Effect
    /// Where the statement sits in its policy's text.
    public var range: SourceRange

    /// Creates a matched statement.
    public init(policyId: String, sourceType: PolicySourceType?, kind: PolicyKind, statementIndex: Int,
                sid: String?, effect: Effect, range: SourceRange) {
        self.policyId = policyId
        self.sourceType = sourceType
        self.kind = kind
        self.statementIndex = statementIndex
        self.sid = sid
        self.effect = effect
        self.range = range
    }
}

/// Why a request was denied: the policy role that denied it, or that failed to allow it.
public struct Denial: Sendable, Equatable {
    /// Whether a Deny statement fired (explicit) or an Allow was missing (implicit).
    public var explicit: Bool
    /// The kind of policy at fault.
    public var kind: PolicyKind

    /// Creates a denial.
    public init(explicit: Bool, kind: PolicyKind) {
        self.explicit = explicit
        self.kind = kind
    }
}

/// The outcome of authorizing one request: the decision and everything needed to explain it.
public struct AuthorizationResult: Sendable {
    /// The request that was judged.
    public var request: AuthorizationRequest
    /// The decision.
    public var decision: Decision
    /// For `explicitDeny`, the Deny statements that fired; for `allowed`, the Allow statements
    /// that granted it; empty for `implicitDeny`.
    public var matchedStatements: [MatchedStatement]
    /// Context keys that conditions of applicable statements read but the request lacked, as written.
    public var missingContextKeys: [String]
    /// Why the request was denied; `nil` when allowed.
    public var denial: Denial?
    /// Each policy role's own verdict (IAM's `EvalDecisionDetails`).
    public var decisionDetails: PolicyDecisions
    /// Whether the permissions boundary allowed the action; `nil` when there is none.
    public var allowedByPermissionsBoundary: Bool?
    /// Whether the SCPs allowed the action; `nil` when there are none.
    public var allowedByOrganizations: Bool?

    /// Creates a result.
    public init(request: AuthorizationRequest, decision: Decision, matchedStatements: [MatchedStatement],
                missingContextKeys: [String], denial: Denial?, decisionDetails: PolicyDecisions,
                allowedByPermissionsBoundary: Bool?, allowedByOrganizations: Bool?) {
        self.request = request
        self.decision = decision
        self.matchedStatements = matchedStatements
        self.missingContextKeys = missingContextKeys
        self.denial = denial
        self.decisionDetails = decisionDetails
        self.allowedByPermissionsBoundary = allowedByPermissionsBoundary
        self.allowedByOrganizations = allowedByOrganizations
    }

    /// Whether the request may proceed.
    public var isAllowed: Bool { decision == .allowed }
}

/// Each policy role's own verdict on a request (IAM's `EvalDecisionDetails`); `nil` for a
/// role that took no part.
public struct PolicyDecisions: Sendable, Equatable {
    /// The identity-based policies' verdict.
    public var identity: Decision?
    /// The resource-based policy's verdict.
    public var resource: Decision?
    /// The permissions boundary's verdict.
    public var permissionsBoundary: Decision?
    /// The session policies' verdict.
    public var session: Decision?
    /// The service control policies' verdict.
    public var serviceControl: Decision?

    /// Creates an empty set of verdicts.
    public init() {}

    /// The verdict of one role.
    public subscript(kind: PolicyKind) -> Decision? {
        get {
            switch kind {
            case .identity: identity
            case .resource: resource
            case .permissionsBoundary: permissionsBoundary
            case .session: session
            case .serviceControl: serviceControl
            }
        }
        set {
            switch kind {
            case .identity: identity = newValue
            case .resource: resource = newValue
            case .permissionsBoundary: permissionsBoundary = newValue
            case .session: session = newValue
            case .serviceControl: serviceControl = newValue
            }
        }
    }
}
