/// IAM's policy evaluation logic: decides one request against every policy that bears on it.
///
/// The order (AWS's): an applicable Deny anywhere wins; then SCPs must allow; then, in one
/// account, a resource-policy grant naming the caller's user or session ARN allows on its
/// own, while identity allows must also pass the permissions boundary and any session
/// policy; across accounts both the caller's side and the resource policy must allow.
public struct Authorizer: Sendable {
    /// Creates an authorizer.
    public init() {}

    /// Decides `request` against `policies`.
    public func authorize(_ request: AuthorizationRequest, against policies: PolicySet) -> AuthorizationResult {
        var action = request.action.lowercased()
        var resource = request.resource
        return action.withUTF8 { actionBytes in
            resource.withUTF8 { resourceBytes in
                var run = _Evaluation(request: request, action: actionBytes, resource: resourceBytes)
                return run.decide(policies)
            }
        }
    }
}

/// How a resource-based policy statement's `Principal` covered the caller.
enum PrincipalCoverage: Int, Comparable {
    case none = 0
    /// The statement names the caller's account (or its root): the account delegates, and
    /// the caller still needs an identity-based Allow.
    case account
    /// `*`, or the role whose session is calling: a grant limited by boundary and session policy.
    case limited
    /// The caller's own user or session ARN: a grant that stands alone in one account.
    case direct

    static func < (a: PrincipalCoverage, b: PrincipalCoverage) -> Bool { a.rawValue < b.rawValue }
}

/// One decision in progress.
struct _Evaluation {
    let request: AuthorizationRequest
    let action: UnsafeBufferPointer<UInt8>
    let resource: UnsafeBufferPointer<UInt8>
    var missing: [String] = []

    init(request: AuthorizationRequest, action: UnsafeBufferPointer<UInt8>, resource: UnsafeBufferPointer<UInt8>) {
        self.request = request
        self.action = action
        self.resource = resource
    }

    /// The statements of one policy that apply, split by effect.
    struct Applicable {
        var allows: [MatchedStatement] = []
        var denies: [MatchedStatement] = []
        var bestCoverage = PrincipalCoverage.none
    }

    mutating func decide(_ policies: PolicySet) -> AuthorizationResult {
        let identity = policies.identityPolicies.map { evaluate($0, kind: .identity) }
        let resourcePolicy = policies.resourcePolicy.map { evaluate($0, kind: .resource, principals: true) }
        let boundary = policies.permissionsBoundary.map { evaluate($0, kind: .permissionsBoundary) }
        let sessions = policies.sessionPolicies?.map { evaluate($0, kind: .session) }
        let scps = policies.serviceControlPolicies?.map { level in level.map { evaluate($0, kind: .serviceControl) } }

        let identityAllows = identity.flatMap(\.allows)
        let identityDenies = identity.flatMap(\.denies)
        let resourceAllows = resourcePolicy?.allows ?? []
        let resourceDenies = resourcePolicy?.denies ?? []
        let boundaryDenies = boundary?.denies ?? []
        let sessionDenies = sessions?.flatMap(\.denies) ?? []
        let scpDenies = scps?.flatMap { $0.flatMap(\.denies) } ?? []

        var details: [PolicyKind: Decision] = [:]
        func detail(_ kind: PolicyKind, allows: Bool, denies: Bool) {
            details[kind] = denies ? .explicitDeny : (allows ? .allowed : .implicitDeny)
        }
        detail(.identity, allows: !identityAllows.isEmpty, denies: !identityDenies.isEmpty)
        if let resourcePolicy {
            detail(.resource, allows: resourcePolicy.bestCoverage > .none, denies: !resourceDenies.isEmpty)
        }
        let boundaryAllows = boundary.map { !$0.allows.isEmpty }
        if let boundary { detail(.permissionsBoundary, allows: !boundary.allows.isEmpty, denies: !boundaryDenies.isEmpty) }
        let sessionAllows = sessions.map { $0.contains { !$0.allows.isEmpty } }
        if let sessions { detail(.session, allows: sessionAllows ?? false, denies: sessions.contains { !$0.denies.isEmpty }) }
        // Every level of the organization must allow.
        let scpAllows = scps.map { levels in levels.allSatisfy { level in level.contains { !$0.allows.isEmpty } } }
        if scps != nil { detail(.serviceControl, allows: scpAllows ?? false, denies: !scpDenies.isEmpty) }

        func result(_ decision: Decision, _ matched: [MatchedStatement], _ denial: Denial?) -> AuthorizationResult {
            AuthorizationResult(
                request: request, decision: decision, matchedStatements: matched,
                missingContextKeys: uniqueMissing(), denial: denial, decisionDetails: details,
                allowedByPermissionsBoundary: boundaryAllows, allowedByOrganizations: scpAllows)
        }

        // 1. An explicit Deny in any policy wins. Report the first kind, in AWS's order.
        let denyOrder: [(PolicyKind, [MatchedStatement])] = [
            (.serviceControl, scpDenies), (.resource, resourceDenies), (.identity, identityDenies),
            (.permissionsBoundary, boundaryDenies), (.session, sessionDenies),
        ]
        let allDenies = identityDenies + resourceDenies + boundaryDenies + sessionDenies + scpDenies
        if !allDenies.isEmpty {
            let kind = denyOrder.first { !$0.1.isEmpty }?.0 ?? .identity
            return result(.explicitDeny, allDenies, Denial(explicit: true, kind: kind))
        }

        // 2. SCPs must allow at every level.
        if scpAllows == false {
            return result(.implicitDeny, [], Denial(explicit: false, kind: .serviceControl))
        }

        let coverage = resourcePolicy?.bestCoverage ?? .none
        let principal = request.principal

        // The account root acts with the account's full authority over its own resources.
        if principal.kind == .root && !request.isCrossAccount {
            return result(.allowed, [], nil)
        }

        if request.isCrossAccount {
            // 3. Across accounts, both sides must allow.
            let callerSideAllows = !identityAllows.isEmpty && boundaryAllows != false && sessionAllows != false
            if coverage > .none && callerSideAllows {
                return result(.allowed, identityAllows + resourceAllows, nil)
            }
            if coverage == .none && callerSideAllows {
                return result(.implicitDeny, [], Denial(explicit: false, kind: .resource))
            }
            return result(.implicitDeny, [], Denial(explicit: false, kind: firstMissingCallerAllow(
                identity: !identityAllows.isEmpty, boundary: boundaryAllows, session: sessionAllows)))
        }

        // 4. One account: a grant to the caller's own user or session ARN stands alone.
        if coverage == .direct {
            return result(.allowed, resourceAllows + identityAllows, nil)
        }
        // 5. Otherwise an Allow (identity, or a limited resource grant) must pass the
        //    boundary and session policies.
        let granted = !identityAllows.isEmpty || coverage == .limited
        if granted && boundaryAllows != false && sessionAllows != false {
            let fromResource = coverage == .limited ? resourceAllows : []
            return result(.allowed, identityAllows + fromResource, nil)
        }
        return result(.implicitDeny, [], Denial(explicit: false, kind: firstMissingCallerAllow(
            identity: granted, boundary: boundaryAllows, session: sessionAllows)))
    }

    private func firstMissingCallerAllow(identity: Bool, boundary: Bool?, session: Bool?) -> PolicyKind {
        if !identity { return .identity }
        if boundary == false { return .permissionsBoundary }
        if session == false { return .session }
        return .identity
    }

    private func uniqueMissing() -> [String] {
        guard !missing.isEmpty else { return [] }
        var seen: Set<String> = []
        return missing.filter { seen.insert($0.lowercased()).inserted }
    }

    /// The statements of `attached` that apply to this request.
    mutating func evaluate(_ attached: AttachedPolicy, kind: PolicyKind, principals: Bool = false) -> Applicable {
        var out = Applicable()
        for s in attached.policy.statements {
            guard actionMatches(s), resourceMatches(s) else { continue }
            var coverage = PrincipalCoverage.direct
            if principals {
                coverage = principalCoverage(s.principal)
                if coverage == .none { continue }
            }
            var holds = true
            for c in s.conditions where !c.evaluate(in: request.context, missing: &missing) {
                holds = false
            }
            guard holds else { continue }
            let matched = MatchedStatement(
                policyId: attached.id, sourceType: attached.sourceType, kind: kind,
                statementIndex: s.source.index, sid: s.source.sid, effect: s.effect, range: s.source.range)
            if s.effect == .deny {
                out.denies.append(matched)
            } else {
                out.allows.append(matched)
                out.bestCoverage = max(out.bestCoverage, coverage)
            }
        }
        return out
    }

    @inline(__always)
    func actionMatches(_ s: CompiledStatement) -> Bool {
        var any = false
        for m in s.actions where m.matches(action) {
            any = true
            break
        }
        return any != s.actionNegated
    }

    @inline(__always)
    func resourceMatches(_ s: CompiledStatement) -> Bool {
        guard let resources = s.resources else { return true }
        var any = false
        for m in resources where m.matches(resource, context: request.context) {
            any = true
            break
        }
        return any != s.resourceNegated
    }

    /// How the statement's `Principal`/`NotPrincipal` covers the caller.
    func principalCoverage(_ clause: PrincipalClause?) -> PrincipalCoverage {
        guard let clause else { return .none }
        let covered = coverage(of: clause.set)
        if clause.isNegated {
            // NotPrincipal applies to everyone it does not name; such a grant is never direct.
            return covered == .none ? .limited : .none
        }
        return covered
    }

    private func coverage(of set: PrincipalSet) -> PrincipalCoverage {
        let p = request.principal
        var best = PrincipalCoverage.none
        for e in set.entries {
            let c: PrincipalCoverage
            switch e.type {
            case .aws:
                if e.value == "*" {
                    c = .limited
                } else if e.value == p.account || e.value == "arn:\(p.partition):iam::\(p.account):root" {
                    c = p.kind == .root ? .direct : .account
                } else if e.value == p.arn {
                    c = (p.kind == .user || p.kind == .assumedRole) ? .direct : .limited
                } else if let role = p.roleArn, e.value == role {
                    c = .limited
                } else {
                    c = .none
                }
            case .service:
                c = (p.kind == .service && e.value == p.arn) ? .direct : .none
            case .federated, .canonicalUser:
                c = .none
            }
            best = max(best, c)
        }
        return best
    }
}
