/// IAM's policy evaluation logic: decides one request against every policy that bears on it.
///
/// The order (AWS's): an applicable Deny anywhere wins; then SCPs must allow at every level;
/// then, in one account, a resource-policy grant naming the caller's user or session ARN
/// allows on its own, while identity allows must also pass the permissions boundary and any
/// session policy; across accounts both the caller's side and the resource policy must allow.
///
/// This is the hot path (millions of decisions a second): one pass over the statements,
/// counters per policy role, and allocation only for the statements the result reports.
public struct Authorizer: Sendable {
    /// Creates an authorizer.
    public init() {}

    /// Decides `request` against `policies`, with everything needed to explain the decision:
    /// the statements that decided it, missing context keys, each policy role's verdict.
    public func authorize(_ request: AuthorizationRequest, against policies: PolicySet) -> AuthorizationResult {
        var action = request.action
        var resource = request.resource
        return action.withUTF8 { actionBytes in
            resource.withUTF8 { resourceBytes in
                var run = _Evaluation(request: request, action: actionBytes, resource: resourceBytes, recording: true)
                let verdict = run.decide(policies)
                return run.result(verdict)
            }
        }
    }

    /// Only the decision for `request`: the same rules as ``authorize(_:against:)`` without
    /// recording matched statements or missing keys. For hot paths that explain only denials.
    public func decision(for request: AuthorizationRequest, against policies: PolicySet) -> Decision {
        var action = request.action
        var resource = request.resource
        return action.withUTF8 { actionBytes in
            resource.withUTF8 { resourceBytes in
                var run = _Evaluation(request: request, action: actionBytes, resource: resourceBytes, recording: false)
                return run.decide(policies).decision
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
    /// The action as sent (any case); matchers fold case as they compare.
    let action: UnsafeBufferPointer<UInt8>
    let resource: UnsafeBufferPointer<UInt8>
    /// Whether to record hits and missing keys (off for ``Authorizer/decision(for:against:)``).
    let recording: Bool
    var missing: [String] = []
    /// Every applicable statement, in evaluation order (when recording).
    var hits: [MatchedStatement] = []

    init(request: AuthorizationRequest, action: UnsafeBufferPointer<UInt8>, resource: UnsafeBufferPointer<UInt8>,
         recording: Bool = true) {
        self.request = request
        self.action = action
        self.resource = resource
        self.recording = recording
    }

    /// The decision and what the result should report.
    struct Verdict {
        var decision: Decision
        var denial: Denial?
        /// Which recorded hits the result lists.
        var report: Report
        var details: PolicyDecisions
        var boundaryAllows: Bool?
        var scpAllows: Bool?

        enum Report { case nothing, denies, grants, identityGrants }
    }

    /// Builds the full result from a verdict and the recorded hits.
    func result(_ v: Verdict) -> AuthorizationResult {
        let matched: [MatchedStatement]
        switch v.report {
        case .nothing:
            matched = []
        case .denies:
            matched = hits.allSatisfy { $0.effect == .deny } ? hits : hits.filter { $0.effect == .deny }
        case .grants:
            // No Deny applied, so every hit is an Allow; keep identity and resource grants.
            matched = hits.allSatisfy { $0.kind == .identity || $0.kind == .resource }
                ? hits : hits.filter { $0.kind == .identity || $0.kind == .resource }
        case .identityGrants:
            matched = hits.filter { $0.kind == .identity }
        }
        return AuthorizationResult(
            request: request, decision: v.decision, matchedStatements: matched,
            missingContextKeys: uniqueMissing(), denial: v.denial, decisionDetails: v.details,
            allowedByPermissionsBoundary: v.boundaryAllows, allowedByOrganizations: v.scpAllows)
    }

    /// Applicable Allow and Deny statements of one policy role.
    struct Tally {
        var allows = 0
        var denies = 0
        var decision: Decision { denies > 0 ? .explicitDeny : (allows > 0 ? .allowed : .implicitDeny) }
    }

    mutating func decide(_ policies: PolicySet) -> Verdict {
        if recording { hits.reserveCapacity(4) }
        var identity = Tally()
        for p in policies.identityPolicies { tally(p, kind: .identity, into: &identity) }
        var resource = Tally()
        var coverage = PrincipalCoverage.none
        if let p = policies.resourcePolicy { coverage = tally(p, kind: .resource, into: &resource, principals: true) }
        var boundary = Tally()
        if let p = policies.permissionsBoundary { tally(p, kind: .permissionsBoundary, into: &boundary) }
        var session = Tally()
        var sessionAllowed = false
        if let list = policies.sessionPolicies {
            for p in list {
                let before = session.allows
                tally(p, kind: .session, into: &session)
                if session.allows > before { sessionAllowed = true }
            }
        }
        var scp = Tally()
        var scpAllowed = true
        if let levels = policies.serviceControlPolicies {
            for level in levels {
                let before = scp.allows
                for p in level { tally(p, kind: .serviceControl, into: &scp) }
                if scp.allows == before { scpAllowed = false }
            }
        }

        var details = PolicyDecisions()
        details.identity = identity.decision
        if policies.resourcePolicy != nil {
            details.resource = resource.denies > 0 ? .explicitDeny : (coverage > .none ? .allowed : .implicitDeny)
        }
        let boundaryAllows: Bool? = policies.permissionsBoundary == nil ? nil : boundary.allows > 0
        if policies.permissionsBoundary != nil { details.permissionsBoundary = boundary.decision }
        let sessionAllows: Bool? = policies.sessionPolicies == nil ? nil : sessionAllowed
        if policies.sessionPolicies != nil {
            details.session = session.denies > 0 ? .explicitDeny : (sessionAllowed ? .allowed : .implicitDeny)
        }
        let scpAllows: Bool? = policies.serviceControlPolicies == nil ? nil : scpAllowed
        if policies.serviceControlPolicies != nil {
            details.serviceControl = scp.denies > 0 ? .explicitDeny : (scpAllowed ? .allowed : .implicitDeny)
        }

        func verdict(_ decision: Decision, _ report: Verdict.Report, _ denial: Denial?) -> Verdict {
            Verdict(decision: decision, denial: denial, report: report, details: details,
                    boundaryAllows: boundaryAllows, scpAllows: scpAllows)
        }

        // 1. An explicit Deny in any policy wins. The denial names the first kind in AWS's
        //    order; the result lists every Deny that applied, and only those.
        if identity.denies + resource.denies + boundary.denies + session.denies + scp.denies > 0 {
            let kind: PolicyKind =
                scp.denies > 0 ? .serviceControl
                : resource.denies > 0 ? .resource
                : identity.denies > 0 ? .identity
                : boundary.denies > 0 ? .permissionsBoundary : .session
            return verdict(.explicitDeny, .denies, Denial(explicit: true, kind: kind))
        }

        // 2. SCPs must allow at every level.
        if scpAllows == false {
            return verdict(.implicitDeny, .nothing, Denial(explicit: false, kind: .serviceControl))
        }

        let principal = request.principal
        let crossAccount = isCrossAccount()
        // The account root acts with the account's full authority over its own resources,
        // except where the resource's own policy must allow (a KMS key policy, a trust policy):
        // there the root is no different from any other principal.
        if principal.kind == .root && !crossAccount && !policies.resourcePolicyRequired {
            return verdict(.allowed, .nothing, nil)
        }

        if crossAccount {
            // 3. Across accounts, both sides must allow.
            let callerSide = identity.allows > 0 && boundaryAllows != false && sessionAllows != false
            if callerSide && coverage > .none {
                return verdict(.allowed, .grants, nil)
            }
            if callerSide {
                return verdict(.implicitDeny, .nothing, Denial(explicit: false, kind: .resource))
            }
            return verdict(.implicitDeny, .nothing, Denial(explicit: false, kind: firstMissingCallerAllow(
                identity: identity.allows > 0, boundary: boundaryAllows, session: sessionAllows)))
        }

        // A key policy (resourcePolicyRequired) must name the caller, its role or its
        // account; without that, identity policies grant nothing on the key.
        if policies.resourcePolicyRequired && coverage == .none {
            return verdict(.implicitDeny, .nothing, Denial(explicit: false, kind: .resource))
        }
        // 4. One account: a grant to the caller's own user or session ARN stands alone.
        if coverage == .direct {
            return verdict(.allowed, .grants, nil)
        }
        // 5. Otherwise an Allow (identity, or a limited resource grant) must pass the
        //    boundary and session policies. An account-level resource grant only delegates.
        let granted = identity.allows > 0 || coverage == .limited
        if granted && boundaryAllows != false && sessionAllows != false {
            return verdict(.allowed, coverage == .limited ? .grants : .identityGrants, nil)
        }
        return verdict(.implicitDeny, .nothing, Denial(explicit: false, kind: firstMissingCallerAllow(
            identity: granted, boundary: boundaryAllows, session: sessionAllows)))
    }

    /// `request.isCrossAccount`, computed from the resource bytes without allocating.
    private func isCrossAccount() -> Bool {
        let caller = request.principal.account
        if caller.isEmpty { return false }
        if let owner = request.resourceAccount { return owner != caller }
        guard let base = resource.baseAddress, resource.count > 4,
              base[0] == UInt8(ascii: "a"), base[1] == UInt8(ascii: "r"), base[2] == UInt8(ascii: "n"),
              base[3] == UInt8(ascii: ":") else { return false }
        // arn:partition:service:region:ACCOUNT:resource — skip three colons, then read to the fifth.
        var i = 4
        var colons = 1
        let n = resource.count
        while i < n && colons < 4 {
            if base[i] == UInt8(ascii: ":") { colons += 1 }
            i += 1
        }
        let start = i
        while i < n && base[i] != UInt8(ascii: ":") { i += 1 }
        guard colons == 4, i < n else { return false }
        let account = UnsafeBufferPointer(start: base + start, count: i - start)
        if account.isEmpty || (account.count == 1 && account[0] == UInt8(ascii: "*")) { return false }
        return !Bytes.equal(caller, account)
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

    /// Counts the statements of `attached` that apply and records them; returns the best
    /// principal coverage among its applicable Allows (resource policies only).
    @discardableResult
    mutating func tally(_ attached: AttachedPolicy, kind: PolicyKind, into tally: inout Tally,
                        principals: Bool = false) -> PrincipalCoverage {
        var best = PrincipalCoverage.none
        for s in attached.policy.statements {
            guard actionMatches(s), resourceMatches(s) else { continue }
            var coverage = PrincipalCoverage.direct
            if principals {
                coverage = principalCoverage(s.principal)
                if coverage == .none { continue }
            }
            // Every condition is evaluated (no short cut) so that all missing keys are reported.
            var holds = true
            for c in s.conditions where !c.evaluate(in: request.context, missing: &missing) {
                holds = false
            }
            guard holds else { continue }
            if recording {
                hits.append(MatchedStatement(
                    policyId: attached.id, sourceType: attached.sourceType, kind: kind,
                    statementIndex: s.source.index, sid: s.source.sid, effect: s.effect, range: s.source.range))
            }
            if s.effect == .deny {
                tally.denies += 1
            } else {
                tally.allows += 1
                best = max(best, coverage)
            }
        }
        return best
    }

    @inline(__always)
    func actionMatches(_ s: CompiledStatement) -> Bool {
        s.actions.matchesAny(action, context: request.context) != s.actionNegated
    }

    @inline(__always)
    func resourceMatches(_ s: CompiledStatement) -> Bool {
        guard let resources = s.resources else { return true }
        return resources.matchesAny(resource, context: request.context) != s.resourceNegated
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
