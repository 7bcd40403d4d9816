/// Reading the policies under check, and turning the analysis's samples into a result.
extension CustomPolicyChecks {
    /// Parses one input policy as `type`; a malformed one is a validation error that keeps
    /// the parse error (for its line and column). A `RESOURCE_POLICY` that parses only as a
    /// role trust policy (no `Resource`, STS actions only) is read as one, since Access
    /// Analyzer files trust policies under resource policies.
    func parse(_ text: String, member: String, type: PolicyType,
               check: CustomPolicyCheck) throws(CustomPolicyCheckError) -> _CheckedPolicy {
        if type == .serviceControl {
            throw .notInEnum(check, value: type.rawValue, member: "policyType", valid: [PolicyType.identity.rawValue, PolicyType.resource.rawValue])
        }
        do {
            let policy = try PolicyParser(type: type).parse(text)
            return _CheckedPolicy(member: member, policy: policy, attached: Self.attach(policy, member, type), trust: type == .trust)
        } catch {
            if type == .resource, let trust = try? PolicyParser(type: .trust).parse(text), Self.isTrustPolicy(trust) {
                return _CheckedPolicy(member: member, policy: trust, attached: Self.attach(trust, member, .trust), trust: true)
            }
            let place = "\(member), line \(error.range.start.line), column \(error.range.start.column)"
            throw CustomPolicyCheckError(.validation, check, "\(error.message) (\(place): \(error.detail))", policyError: (member, error))
        }
    }

    private static func attach(_ policy: Policy, _ member: String, _ type: PolicyType) -> AttachedPolicy {
        AttachedPolicy(id: member, sourceType: type == .identity ? nil : .resource, policy: CompiledPolicy(policy))
    }

    /// No `Resource` anywhere and only STS actions: a role's trust policy.
    static func isTrustPolicy(_ policy: Policy) -> Bool {
        policy.statements.allSatisfy { s in
            s.resource == nil && !s.action.isNegated && s.action.patterns.allSatisfy { $0.text.lowercased().hasPrefix("sts:") }
        }
    }

    /// Runs the analysis over `scope`: every sample `failing` returns statements for is a
    /// failure. One of them becomes the counterexample; the statements of all of them
    /// become the reasons.
    func decide(_ check: CustomPolicyCheck, world: _CheckWorld, analyzer: AccessAnalyzer, scope: AnalysisScope,
                failing: (AccessAnalyzer.Sample) -> [MatchedStatement]?) -> PolicyCheckResult {
        if let reason = world.unsupported() { return Self.unknown(reason) }
        var first: AccessAnalyzer.Sample?
        var statements: [MatchedStatement] = []
        var seen: Set<String> = []
        do {
            try analyzer.forEachSample(in: scope) { sample in
                guard let granting = failing(sample) else { return true }
                // The counterexample: the first failure on a resource of the world's own
                // accounts when there is one (its name reads better than a stand-in's).
                if first == nil || (Self.isForeign(first!, analyzer) && !Self.isForeign(sample, analyzer)) { first = sample }
                for m in granting where seen.insert("\(m.policyId)#\(m.statementIndex)").inserted { statements.append(m) }
                return true
            }
        } catch {
            return Self.unknown(error.reason)
        }
        guard let first else { return PolicyCheckResult(result: .pass, message: Self.passMessage(check)) }
        statements.sort { ($0.policyId, $0.statementIndex) < ($1.policyId, $1.statementIndex) }
        let reasons = statements.enumerated().map { i, m in
            PolicyCheckReason(description: Self.reasonText(check, m.statementIndex), reasonIndex: i, statementIndex: m.statementIndex,
                        statementId: m.sid, policy: m.policyId, range: m.range)
        }
        let shown = Self.readable(first, region: analyzer.models[0].regions.first ?? AnalyzedResourceKind.region, failing: failing)
        return PolicyCheckResult(result: .fail, message: Self.failMessage(check), reasons: reasons,
                                 counterexample: Self.counterexample(shown, keys: world.policies.flatMap { _CheckWorld.keysRead(by: $0.policy) }))
    }

    /// The request of `sample`, with the context keys among `keys` (spelled as the policy
    /// spells them) that the request carries.
    static func counterexample(_ sample: AccessAnalyzer.Sample, keys: [String]) -> PolicyCheckCounterexample {
        let r = sample.request
        var entries: [ContextEntry] = []
        var seen: Set<String> = []
        for key in keys where seen.insert(key.lowercased()).inserted {
            if let v = r.context[key] { entries.append(ContextEntry(name: key, values: v.values, type: v.type)) }
        }
        entries.sort { $0.name.lowercased() < $1.name.lowercased() }
        return PolicyCheckCounterexample(principal: r.principal.arn, action: r.action, resource: r.resource, context: entries,
                                   anonymous: r.principal.kind == .anonymous)
    }

    /// The sample with its resource renamed readably (the world's region, a plain name)
    /// when the renamed request, decided against the same policies, still fails; else the
    /// sample as it is. The account and service stay, so the policies that apply stay too.
    static func readable(_ sample: AccessAnalyzer.Sample, region: String,
                         failing: (AccessAnalyzer.Sample) -> [MatchedStatement]?) -> AccessAnalyzer.Sample {
        guard let arn = ARN(parsing: sample.request.resource), !arn.region.isEmpty else { return sample }
        let name = arn.resource.hasPrefix("stream/") && !arn.resource.contains("/consumer/") ? AnalyzedResourceKind.stream.madeUp
            : arn.resource.hasPrefix("key/") ? AnalyzedResourceKind.key.madeUp : sample.request.resource
        let plain = ARN(parsing: name)?.resource ?? arn.resource
        var candidates: [ARN] = []
        for (r, n) in [(region, plain), (region, arn.resource), (arn.region, plain)] where (r, n) != (arn.region, arn.resource) {
            candidates.append(ARN(partition: arn.partition, service: arn.service, region: r, account: arn.account, resource: n))
        }
        let authorizer = Authorizer()
        for candidate in candidates {
            var renamed = sample
            renamed.request.resource = candidate.description
            if renamed.request.context["aws:RequestedRegion"] != nil { renamed.request.context["aws:RequestedRegion"] = .string(candidate.region) }
            renamed.decisions = sample.policySets.map { authorizer.decision(for: renamed.request, against: $0) }
            if failing(renamed) != nil { return renamed }
        }
        return sample
    }

    /// Whether the sample's resource lies in an account outside the world.
    static func isForeign(_ sample: AccessAnalyzer.Sample, _ analyzer: AccessAnalyzer) -> Bool {
        guard let account = ARN(parsing: sample.request.resource)?.namedAccount else { return false }
        return !analyzer.models[0].accounts.contains(account)
    }

    /// A FAIL that says the answer is unknown, and why.
    static func unknown(_ reason: String) -> PolicyCheckResult {
        PolicyCheckResult(result: .fail, message: "The answer is unknown: \(reason). kdslab reports FAIL when it cannot decide.",
                    unknown: reason)
    }

    // Our wording, modelled on Access Analyzer's messages and reason descriptions; AWS's
    // exact sentences are not all published.

    static func passMessage(_ check: CustomPolicyCheck) -> String {
        switch check {
        case .noNewAccess: "The policy does not grant new access compared to your existing policy."
        case .accessNotGranted: "The policy document does not grant access to perform the listed actions or resources."
        case .noPublicAccess: "The resource policy does not grant public access for the given resource type."
        }
    }

    static func failMessage(_ check: CustomPolicyCheck) -> String {
        switch check {
        case .noNewAccess: "The modified permissions grant new access compared to your existing policy."
        case .accessNotGranted: "The policy document grants access to perform one or more of the listed actions or resources."
        case .noPublicAccess: "The resource policy grants public access for the given resource type."
        }
    }

    static func reasonText(_ check: CustomPolicyCheck, _ index: Int) -> String {
        switch check {
        case .noNewAccess: "New access in the statement with index: \(index)."
        case .accessNotGranted: "One or more of the listed actions or resources in the statement with index: \(index)."
        case .noPublicAccess: "Public access granted in the following statement with index: \(index)."
        }
    }
}
