/// The walk over principals, actions, resources and contexts that ``AccessAnalyzer`` runs.
struct Walk {
    let analyzer: AccessAnalyzer
    let scope: AnalysisScope
    var facts: PolicyFacts { analyzer.facts }
    var model: RequestModel { analyzer.models[0] }
    /// The policies assumed for resources the world lacks, by trusted account.
    var consenting: [String: AttachedPolicy?] = [:]
    /// Resources already chosen for a partition.
    var resourceTargets: [TargetKey: [Target]] = [:]

    /// Which caller's resources of which shape (policy variables make them depend on the caller).
    struct TargetKey: Hashable {
        var caller: String
        var domain: StringLanguage

        /// The caller and the domain's shape (see ``PartitionKey/hash(into:)``).
        func hash(into hasher: inout Hasher) {
            hasher.combine(caller)
            hasher.combine(domain.steps.count)
            if let first = domain.steps.first { hasher.combine(first) }
            if let last = domain.steps.last { hasher.combine(last) }
        }
    }
    /// Decisions made so far, against the budget.
    var evaluations = 0
    static let evaluationBudget = 3_000_000

    /// What a partition was computed from.
    struct PartitionKey: Hashable {
        var domain: StringLanguage
        var patterns: [StringLanguage]

        /// Hashes the shape only (how many patterns, how long each is, and each one's first
        /// and last step): hashing every step of every pattern cost more than a lookup saves.
        /// Equal keys still compare in full.
        func hash(into hasher: inout Hasher) {
            hasher.combine(domain.steps.count)
            hasher.combine(patterns.count)
            for p in patterns {
                hasher.combine(p.steps.count)
                if let first = p.steps.first { hasher.combine(first) }
                if let last = p.steps.last { hasher.combine(last) }
            }
        }
    }

    /// The context each caller brings, by caller (see ``principalContext(_:)``).
    var principalContexts: [String: (context: RequestContext, tied: Set<String>)] = [:]
    /// `aws:CurrentTime` and `aws:EpochTime` at the model's earliest instant, if it has one.
    let earliestTimeValues: (ContextValue, ContextValue)?

    init(analyzer: AccessAnalyzer, scope: AnalysisScope) {
        self.analyzer = analyzer
        self.scope = scope
        earliestTimeValues = analyzer.models[0].earliestTime.map { t in
            (ContextValue(type: .date, values: [PolicyDate.fromEpochMilliseconds(t).iso8601String]),
             ContextValue(type: .numeric, values: [String(t / 1000)]))
        }
    }

    /// ``principalContext(_:)``, computed once per caller.
    mutating func cachedPrincipalContext(_ caller: Caller) -> (context: RequestContext, tied: Set<String>) {
        let key = caller.principal.arn + "|" + caller.namedARN
        if let kept = principalContexts[key] { return kept }
        let made = principalContext(caller)
        principalContexts[key] = made
        return made
    }

    /// A caller the walk tries: a known principal, or a stand-in for a class of unknown ones.
    struct Caller {
        var principal: Principal
        /// The known principal in each model (same ARN), when it is a known one.
        var known: [ModelPrincipal]?
        /// The ARN policies name it by.
        var namedARN: String
    }

    mutating func run(_ body: (AccessAnalyzer.Sample) -> Bool) throws(AnalysisUnknown) {
        let callers = try principals()
        let actions = try actionClasses()
        for caller in callers {
            for action in actions where mayBeAllowed(caller: caller, action: action.action) {
                let resources = try resourcesFor(action: action, caller: caller)
                for resource in resources {
                    guard try contexts(caller: caller, action: action, resource: resource, body) else { return }
                }
            }
        }
    }

    /// The identity policy assumed for a principal the world does not know: it allows
    /// everything, so that what a resource policy grants it is never hidden.
    static let anyIdentity = AttachedPolicy(id: "any identity policy (assumed)", policy: compile(
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#, .identity))
    /// The resource policy assumed for a resource the world does not know where only its
    /// own policy could let the caller in (another account's stream, a role's trust): it
    /// trusts the caller's account, so an identity policy that allows is enough — what the
    /// caller's own policies grant on it is never hidden, and nothing is granted on the
    /// assumption alone.
    mutating func consentingPolicy(to account: String, partition: String) -> AttachedPolicy? {
        guard !account.isEmpty else { return nil }
        return assumedPolicy("consent|" + partition + ":" + account) { Walk.consentingPolicy(to: account, partition: partition) }
    }

    /// ``defaultKeyPolicy(_:partition:)``, parsed once.
    mutating func defaultKeyPolicy(_ account: String, partition: String) -> AttachedPolicy? {
        assumedPolicy("key|" + partition + ":" + account) { Walk.defaultKeyPolicy(account, partition: partition) }
    }

    /// An assumed policy by `key`: from this walk, the shared cache, or `make`.
    private mutating func assumedPolicy(_ key: String, _ make: () -> AttachedPolicy?) -> AttachedPolicy? {
        if let known = consenting[key] { return known }
        if let shared = analyzer.cache.consentingPolicy(key) {
            consenting[key] = shared
            return shared
        }
        let made = make()
        if let made { analyzer.cache.store(consenting: made, for: key) }
        consenting[key] = made
        return made
    }

    static func consentingPolicy(to account: String, partition: String) -> AttachedPolicy? {
        guard !account.isEmpty else { return nil }
        return AttachedPolicy(id: "policy of a resource the world does not know (assumed to trust \(account))", sourceType: .resource,
            policy: compile(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:"# + partition
                + ":iam::" + account + #":root"},"Action":"*","Resource":"*"}]}"#, .resource))
    }

    /// KMS's default key policy for a key of `account` the world does not know: it delegates
    /// to the account's IAM policies.
    static func defaultKeyPolicy(_ account: String, partition: String) -> AttachedPolicy {
        AttachedPolicy(id: "default key policy (assumed)", sourceType: .resource, policy: compile(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:"# + partition + ":iam::" + account
                + #":root"},"Action":"kms:*","Resource":"*"}]}"#, .resource))
    }

    private static func compile(_ text: String, _ type: PolicyType) -> CompiledPolicy {
        // The texts above are fixed and valid; a parse failure is a programming error.
        guard let p = try? PolicyParser(type: type).parse(text) else { preconditionFailure("built-in policy does not parse: \(text)") }
        return CompiledPolicy(p)
    }
}
