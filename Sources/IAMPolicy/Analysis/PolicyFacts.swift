/// Everything the policies under analysis compare requests with: the raw material of the
/// partitions. Gathered once from every policy of every model, and of the extra policies
/// (an envelope, the other side of a comparison), so that one partition serves them all.
struct PolicyFacts {
    /// Every `Action`/`NotAction` pattern, lower-cased, without repeats.
    var actionPatterns: [String] = []
    /// Every `Resource`/`NotResource` pattern as written, with whether its policy
    /// substitutes `${...}`.
    var resourcePatterns: [(text: String, variables: Bool)] = []
    /// Every `AWS` principal named (account ids, ARNs), without repeats.
    var awsPrincipals: [String] = []
    /// Every `Service` principal named.
    var servicePrincipals: [String] = []
    /// Whether some Allow names a `Federated` or `CanonicalUser` principal.
    var otherPrincipalKinds = false
    /// Every condition, by lower-cased key, with whether its policy substitutes variables.
    var conditions: [String: [KeyCondition]] = [:]

    private var seenActions: Set<String> = []
    private var seenResources: Set<String> = []
    private var seenPrincipals: Set<String> = []

    init(policies: [CompiledPolicy]) {
        for p in policies { add(p.source) }
    }

    mutating func add(_ policy: Policy) {
        for s in policy.statements {
            for a in s.action.patterns where seenActions.insert(a.text.lowercased()).inserted {
                actionPatterns.append(a.text.lowercased())
            }
            for r in s.resource?.patterns ?? [] where seenResources.insert("\(policy.supportsVariables)|" + r.text).inserted {
                resourcePatterns.append((r.text, policy.supportsVariables))
            }
            for e in s.principal?.set.entries ?? [] {
                switch e.type {
                case .aws:
                    if e.value != "*", seenPrincipals.insert("aws|" + e.value).inserted { awsPrincipals.append(e.value) }
                case .service:
                    if seenPrincipals.insert("svc|" + e.value).inserted { servicePrincipals.append(e.value) }
                case .federated, .canonicalUser:
                    if s.effect == .allow { otherPrincipalKinds = true }
                }
            }
            for c in s.conditions {
                conditions[c.normalizedKey, default: []].append(KeyCondition(condition: c, variables: policy.supportsVariables))
            }
        }
    }

    /// The conditions on `key` (lower-cased).
    func conditions(on key: String) -> [KeyCondition] { conditions[key] ?? [] }
}

/// A condition with whether its policy substitutes `${...}` (Version 2012-10-17).
struct KeyCondition {
    var condition: Condition
    var variables: Bool
}
