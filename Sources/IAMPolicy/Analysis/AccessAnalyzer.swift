/// Decides what a set of policies allows over every request of a ``RequestModel``: every
/// principal, action, resource and request context, not a sample of them.
///
/// How it stays exact: every pattern and constant of the policies cuts each dimension of a
/// request into finitely many classes whose members no policy can tell apart (strings by the
/// product automaton of ``LanguagePartition``, ordered values by ``ValueCells``). One
/// representative request per reachable combination of classes is built and decided by the
/// concrete ``Authorizer``, so every answer comes with a real request that the evaluator
/// confirms, and no request can be allowed unless its class's representative is. Dimensions
/// no applicable statement reads are not split at all, which keeps the walk small.
/// Where policies step outside the supported language the analysis throws
/// ``AnalysisUnknown`` instead of guessing.
public struct AccessAnalyzer: Sendable {
    /// The worlds compared (usually one; two for "new access"): same principals and resources,
    /// different policies. Requests are decided against each.
    public let models: [RequestModel]
    /// Policies whose patterns the partitions must also respect (an envelope of what is
    /// allowed), which the caller evaluates itself.
    public let extraPolicies: [CompiledPolicy]
    let facts: PolicyFacts
    let catalog: ServiceCatalog
    /// Partitions and classes kept for later analyses (see ``AnalysisCache``).
    public let cache: AnalysisCache

    /// Creates an analyzer over `models` (at least one). Pass a `cache` shared with other
    /// analyses of the same catalog to reuse what they computed; by default it has its own.
    public init(models: [RequestModel], extraPolicies: [CompiledPolicy] = [], catalog: ServiceCatalog = .aws,
                cache: AnalysisCache = AnalysisCache()) {
        precondition(!models.isEmpty, "an analysis needs a model")
        self.models = models
        self.extraPolicies = extraPolicies
        self.catalog = catalog
        self.cache = cache
        var all: [CompiledPolicy] = extraPolicies
        for m in models {
            for p in m.principals { all += Self.policies(of: p.policies) }
            for r in m.resources { if let p = r.policy { all.append(p.policy) } }
        }
        facts = PolicyFacts(policies: all)
    }

    static func policies(of set: PolicySet) -> [CompiledPolicy] {
        var out = set.identityPolicies.map(\.policy)
        if let r = set.resourcePolicy { out.append(r.policy) }
        if let b = set.permissionsBoundary { out.append(b.policy) }
        out += (set.sessionPolicies ?? []).map(\.policy)
        out += (set.serviceControlPolicies ?? []).flatMap { $0.map(\.policy) }
        return out
    }

    /// One representative request and how each model decides it.
    public struct Sample: Sendable {
        /// The request (principal, action, resource, context), ready for ``Authorizer``.
        public var request: AuthorizationRequest
        /// Every action that behaves as `request.action` does here (the class it stands for).
        public var actions: [String]
        /// The policies each model applies to it, in model order.
        public var policySets: [PolicySet]
        /// Each model's decision, in model order.
        public var decisions: [Decision]
        /// Whether the principal is one the model knows (not a quantified stand-in).
        public var knownPrincipal: Bool
    }

    /// Calls `body` with one representative of every class of requests in `scope`;
    /// `body` returns `false` to stop early.
    public func forEachSample(in scope: AnalysisScope, _ body: (Sample) -> Bool) throws(AnalysisUnknown) {
        if facts.otherPrincipalKinds {
            throw AnalysisUnknown("an Allow names a Federated or CanonicalUser principal, which the analysis does not model")
        }
        var walk = Walk(analyzer: self, scope: scope)
        try walk.run(body)
    }
}
