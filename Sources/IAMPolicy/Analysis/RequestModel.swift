/// The world an access analysis quantifies over: who may call, what exists, and which
/// facts tie request-context keys together. `docs/access-model.md` states the model in
/// prose; this type is its code, and the two must say the same.
///
/// The analysis asks about *every* request: every principal (the world's own, and any other
/// principal of any account), every action of the catalog (and of other services), every
/// resource name (not only those the world has), and every request context AWS could send.
/// What is known is used exactly (a world principal's own policies, a world stream's own
/// policy); what is not is assumed to be the worst case (another account's principal has an
/// identity policy that allows everything; a stream in another account has a policy that
/// admits everyone), so a grant is never hidden by an assumption.
public struct RequestModel: Sendable {
    /// The partition every ARN of the model lives in.
    public var partition: String
    /// The world's accounts.
    public var accounts: [String]
    /// The world's regions.
    public var regions: [String]
    /// Principals the world knows, with the policies that govern them.
    public var principals: [ModelPrincipal]
    /// Resources the world knows, with their resource-based policies and tags.
    public var resources: [ModelResource]
    /// The earliest instant a request can be made (epoch milliseconds); `nil` for any time.
    /// Grading passes the lab's clock: a grant that only held in the past is no grant.
    public var earliestTime: Int64?
    /// Whether a request may arrive without TLS (`aws:SecureTransport` false). Kinesis's
    /// endpoints are HTTPS only, so by default it may not; a lab about transport turns it on.
    public var insecureTransport: Bool
    /// Whether a principal the model does not know, in the account of the resource it calls,
    /// is assumed to have an identity policy that allows everything (the worst case, and the
    /// default). A question about what a resource policy grants *by itself* turns it off:
    /// with it on, a stream policy naming a new role of the stream's own account shows no new
    /// access, because that role was assumed able to do everything already. Principals of
    /// any other account, the world's or not, keep the assumption either way: their accounts
    /// decide their policies.
    public var localStrangersAllowEverything = true

    /// Creates a model.
    public init(partition: String = "aws", accounts: [String], regions: [String], principals: [ModelPrincipal] = [],
                resources: [ModelResource] = [], earliestTime: Int64? = nil, insecureTransport: Bool = false) {
        self.partition = partition
        self.accounts = accounts
        self.regions = regions
        self.principals = principals
        self.resources = resources
        self.earliestTime = earliestTime
        self.insecureTransport = insecureTransport
    }

    /// The known resource with this ARN.
    func resource(_ arn: String) -> ModelResource? { resources.first { $0.arn == arn } }
}

/// A principal the world knows: an IAM user, a role (which calls through sessions), an
/// account root, or an AWS service.
public struct ModelPrincipal: Sendable {
    /// The principal as the evaluator sees it (a role as a session of it).
    public var principal: Principal
    /// Its identity-based policies, permissions boundary and session policies.
    public var policies: PolicySet
    /// The context keys that follow from who it is, as the world sets them:
    /// `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:userid`, `aws:username`,
    /// `aws:PrincipalTag/KEY`, `aws:PrincipalType`. Keys of this family missing here are
    /// absent from its requests.
    public var context: [String: ContextValue]
    /// Whether it calls with temporary credentials (a role session): `aws:TokenIssueTime`
    /// is then present and `aws:MultiFactorAuthPresent` true or false. A user or root may
    /// call with either kind.
    public var temporaryCredentials: Bool

    /// Creates a known principal.
    public init(principal: Principal, policies: PolicySet = PolicySet(), context: [String: ContextValue] = [:],
                temporaryCredentials: Bool? = nil) {
        self.principal = principal
        self.policies = policies
        self.context = context
        self.temporaryCredentials = temporaryCredentials ?? (principal.kind == .assumedRole)
    }

    /// The ARN a policy names it by: the role's for a session.
    var namedARN: String { principal.roleArn ?? principal.arn }
}

/// A resource the world knows: a stream, a consumer, a KMS key or alias, or a role (whose
/// trust policy is its resource-based policy).
public struct ModelResource: Sendable {
    /// The ARN.
    public var arn: String
    /// Its resource-based policy: a stream or consumer policy, a key policy, a trust policy.
    public var policy: AttachedPolicy?
    /// Its tags (`aws:ResourceTag/KEY`).
    public var tags: [String: String]

    /// Creates a known resource.
    public init(arn: String, policy: AttachedPolicy? = nil, tags: [String: String] = [:]) {
        self.arn = arn
        self.policy = policy
        self.tags = tags
    }
}

/// Which requests an analysis covers: a subset of the model's request space.
public struct AnalysisScope: Sendable {
    /// Whose requests.
    public enum Principals: Sendable {
        /// Only these known principals (by the ARN a policy names them by).
        case only([String])
        /// Every principal: the world's, any other of any account, services, anonymous.
        case everyone
    }

    /// Whose requests.
    public var principals: Principals
    /// Which actions (`service:Name`, exact); `nil` for every action.
    public var actions: [String]?
    /// Which resources (exact ARNs, or `*`); `nil` for every resource.
    public var resources: [String]?
    /// Context keys held at a value (or absent, `nil`) instead of ranging over every value.
    public var fixedContext: [String: ContextValue?]
    /// Whether only requests the first model allows are wanted: the walk then skips the
    /// principals, actions and resources no Allow statement can reach (the others are not
    /// all visited; see `AccessAnalyzer+Pruning.swift`).
    public var onlyAllowed: Bool

    /// Creates a scope.
    public init(principals: Principals = .everyone, actions: [String]? = nil, resources: [String]? = nil,
                fixedContext: [String: ContextValue?] = [:], onlyAllowed: Bool = false) {
        self.principals = principals
        self.actions = actions
        self.resources = resources
        self.fixedContext = fixedContext
        self.onlyAllowed = onlyAllowed
    }
}

/// Why an analysis could not decide: the policies use something outside the language it
/// decides exactly. A grader treats "unknown" as not passed.
public struct AnalysisUnknown: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was outside the supported language, in a sentence.
    public var reason: String

    /// Creates an "unknown" answer.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
