/// Which policies bear on one request, and which context keys their applicable statements read.
extension Walk {
    /// The policies model `m` applies to `caller` doing `action` on `target`: the caller's
    /// own (or, for a principal the world does not know, an identity policy that allows
    /// everything), and the resource's (or the assumption for a resource the world lacks).
    mutating func policySet(model m: Int, caller: Caller, action: String, target: Target) -> PolicySet {
        var set = PolicySet()
        if let known = caller.known {
            set = known[m].policies
            set.resourcePolicy = nil
            set.resourcePolicyRequired = false
        } else if [.user, .assumedRole, .role, .root].contains(caller.principal.kind) {
            // "Local" is the resource's own account (the world's accounts for `*`): a new
            // role of a partner account the world also holds is still the partner's to grant.
            let resourceAccount = ARN(parsing: target.arn).map(\.account).flatMap { $0.isEmpty ? nil : $0 }
            let local = resourceAccount.map { $0 == caller.principal.account }
                ?? analyzer.models[m].accounts.contains(caller.principal.account)
            if !local || analyzer.models[m].localStrangersAllowEverything { set.identityPolicies = [Walk.anyIdentity] }
        }
        guard let arn = ARN(parsing: target.arn) else { return set }
        let service = action.split(separator: ":").first.map { $0.lowercased() } ?? ""
        let worldAccount = analyzer.models[m].accounts.contains(arn.account)
        let known = target.known[m]
        let consent = consentingPolicy(to: caller.principal.account, partition: arn.partition)
        switch (service, arn.service) {
        case ("kinesis", "kinesis"):
            // A resource the world has keeps its own policy, none included; only one it lacks is assumed.
            set.resourcePolicy = known.map { $0.policy } ?? (worldAccount || arn.account.isEmpty ? nil : consent)
        case ("kms", "kms") where arn.resource.hasPrefix("key/"):
            set.resourcePolicyRequired = true
            if let known { set.resourcePolicy = known.policy } else {
                set.resourcePolicy = worldAccount ? defaultKeyPolicy(arn.account, partition: arn.partition) : consent
            }
        case ("sts", "iam") where arn.resource.hasPrefix("role/"):
            set.resourcePolicyRequired = true
            set.resourcePolicy = known.map { $0.policy } ?? consent
        case (_, _) where service != "kinesis" && service != "kms" && service != "sts":
            // Another service's resource: outside the world it admits everyone (assumed).
            if !worldAccount && !arn.account.isEmpty { set.resourcePolicy = consent }
        default:
            break
        }
        return set
    }

    /// The lower-cased context keys that the statements applying to `request` (whatever their
    /// conditions) read, in any of `sets` or the extra policies; the keys their condition
    /// values' variables name are included.
    func relevantKeys(_ request: AuthorizationRequest, _ sets: [PolicySet]) -> Set<String> {
        var keys: Set<String> = []
        var action = request.action
        var resource = request.resource
        action.withUTF8 { a in
            resource.withUTF8 { r in
                let ev = _Evaluation(request: request, action: a, resource: r, recording: false)
                func scan(_ policy: CompiledPolicy, principals: Bool) {
                    for s in policy.statements where ev.actionMatches(s) && ev.resourceMatches(s) {
                        if principals || s.principal != nil, ev.principalCoverage(s.principal) == .none { continue }
                        for c in s.source.conditions {
                            keys.insert(c.normalizedKey)
                            if policy.source.supportsVariables {
                                for v in c.values {
                                    for k in PolicyVariableTemplate(v.text)?.variableKeys ?? [] { keys.insert(k.lowercased()) }
                                }
                            }
                        }
                    }
                }
                for set in sets {
                    // A statement with a Principal applies only to the principals it covers.
                    for p in AccessAnalyzer.policies(of: set) { scan(p, principals: false) }
                }
                for p in analyzer.extraPolicies { scan(p, principals: false) }
            }
        }
        return keys
    }
}
