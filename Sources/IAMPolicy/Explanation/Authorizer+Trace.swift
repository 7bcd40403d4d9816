extension Authorizer {
    /// Judges every statement of every policy on its own and says why each did or did not apply.
    ///
    /// Slower than ``authorize(_:against:)``; used to explain a decision, not to make it.
    public func trace(_ request: AuthorizationRequest, against policies: PolicySet) -> [StatementTrace] {
        var action = request.action.lowercased()
        var resource = request.resource
        return action.withUTF8 { actionBytes in
            resource.withUTF8 { resourceBytes in
                let run = _Evaluation(request: request, action: actionBytes, resource: resourceBytes)
                var out: [StatementTrace] = []
                func add(_ p: AttachedPolicy?, _ kind: PolicyKind, principals: Bool = false) {
                    guard let p else { return }
                    out += run.trace(p, kind: kind, principals: principals)
                }
                policies.serviceControlPolicies?.joined().forEach { add($0, .serviceControl) }
                policies.identityPolicies.forEach { add($0, .identity) }
                add(policies.resourcePolicy, .resource, principals: true)
                add(policies.permissionsBoundary, .permissionsBoundary)
                policies.sessionPolicies?.forEach { add($0, .session) }
                return out
            }
        }
    }
}

extension _Evaluation {
    func trace(_ attached: AttachedPolicy, kind: PolicyKind, principals: Bool) -> [StatementTrace] {
        attached.policy.statements.map { s in
            let outcome: StatementTrace.Outcome
            if !actionMatches(s) {
                outcome = .actionNotMatched
            } else if !resourceMatches(s) {
                outcome = .resourceNotMatched
            } else if principals && principalCoverage(s.principal) == .none {
                outcome = .principalNotMatched
            } else {
                var failed: StatementTrace.Outcome?
                for c in s.conditions {
                    var missing: [String] = []
                    if !c.evaluate(in: request.context, missing: &missing) {
                        failed = .conditionFailed(c.source, missingKey: !missing.isEmpty)
                        break
                    }
                }
                outcome = failed ?? .applied
            }
            return StatementTrace(
                policyId: attached.id, kind: kind, statementIndex: s.source.index, sid: s.source.sid,
                effect: s.effect, range: s.source.range, outcome: outcome)
        }
    }
}

extension Authorizer {
    /// Decides `request` and explains the decision in one call: the result, and the
    /// plain-language explanation built from a statement-by-statement trace.
    public func explain(_ request: AuthorizationRequest, against policies: PolicySet) -> (AuthorizationResult, Explanation) {
        let result = authorize(request, against: policies)
        return (result, Explanation(result, trace: trace(request, against: policies)))
    }
}
