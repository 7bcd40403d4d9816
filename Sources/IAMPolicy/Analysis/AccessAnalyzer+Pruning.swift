/// Skipping what cannot be allowed, for questions that only look at allowed requests
/// (``AnalysisScope/onlyAllowed``).
///
/// The ``Authorizer`` allows a request only through an Allow statement that applies to it:
/// an identity-based one, or a resource-based one whose `Principal` names the caller (its
/// user or session, its role, or `*`). A statement that names only the caller's account
/// delegates to the identity policies and grants nothing alone, and an account root's own
/// authority over its account's resources needs no statement at all. So when no such
/// statement matches an action (whatever its resource and conditions), or an action on a
/// resource (whatever its conditions), no context can make the request allowed, and the
/// walk does not build those requests. Conditions are never read here: the test only
/// over-approximates what may be allowed, so nothing allowed is ever skipped.
extension Walk {
    /// Whether `caller` may be allowed some request of `action` in the first model.
    func mayBeAllowed(caller: Caller, action: String) -> Bool {
        guard scope.onlyAllowed else { return true }
        let p = caller.principal
        if p.kind == .root { return true }
        var identity: [CompiledPolicy] = []
        if let known = caller.known?.first {
            identity = known.policies.identityPolicies.map(\.policy)
        } else if p.kind != .service && p.kind != .anonymous {
            // A principal the world does not know is assumed to allow itself everything.
            return true
        }
        let resourcePolicies = model.resources.compactMap { $0.policy?.policy }
        let probe = AuthorizationRequest(principal: p, action: action, resource: "*")
        var actionBytes = action
        return actionBytes.withUTF8 { a in
            "*".utf8.withContiguousStorageIfAvailable { r in
                let ev = _Evaluation(request: probe, action: a, resource: r, recording: false)
                for policy in identity + resourcePolicies {
                    for s in policy.statements where s.effect == .allow && ev.actionMatches(s) { return true }
                }
                return false
            } ?? true
        }
    }

    /// Whether `request` may be allowed, in some context, by the policies of `set`.
    func mayBeAllowed(_ request: AuthorizationRequest, _ set: PolicySet) -> Bool {
        guard scope.onlyAllowed else { return true }
        if request.principal.kind == .root { return true }
        var action = request.action
        var resource = request.resource
        return action.withUTF8 { a in
            resource.withUTF8 { r in
                let ev = _Evaluation(request: request, action: a, resource: r, recording: false)
                for attached in set.identityPolicies {
                    for s in attached.policy.statements where s.effect == .allow && ev.actionMatches(s) && ev.resourceMatches(s) {
                        return true
                    }
                }
                guard let resourcePolicy = set.resourcePolicy?.policy else { return false }
                for s in resourcePolicy.statements where s.effect == .allow && ev.actionMatches(s) && ev.resourceMatches(s) {
                    if ev.principalCoverage(s.principal) > .account { return true }
                }
                return false
            }
        }
    }
}
