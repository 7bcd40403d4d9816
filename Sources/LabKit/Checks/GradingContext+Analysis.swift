import IAMPolicy
import KinesisSim

/// The access analysis as the grader uses it: the lab's world as a request model, the
/// baseline a resource-type submission is measured against, and how a counterexample reads.
extension GradingContext {
    /// The same world with the submitted resource-type policy replaced by the baseline it is
    /// measured against: no policy for a stream, KMS's default key policy (the account's IAM
    /// policies decide) for a key, a trust policy that trusts no one for a role. An identity
    /// submission has no baseline: what the principal ends up with is measured whole.
    var baselineModel: RequestModel? {
        let name = submissionPolicyName
        var model = requestModel
        var replaced = false
        for i in model.resources.indices where model.resources[i].policy?.id == name {
            replaced = true
            guard let arn = ARN(parsing: model.resources[i].arn) else { continue }
            switch definition.submission {
            case .keyPolicy:
                model.resources[i].policy = try? AttachedPolicy(id: "the default key policy", sourceType: .resource, text:
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::"# + arn.account
                        + #":root"},"Action":"kms:*","Resource":"*"}]}"#, type: .resource)
            default:
                model.resources[i].policy = nil
            }
        }
        return replaced ? model : nil
    }

    /// The key ARN an alias of the world names, for grants written on an alias.
    func keyARN(forAlias arn: String) -> String? {
        guard let parsed = ARN(parsing: arn), parsed.service == "kms", parsed.resource.hasPrefix("alias/") else { return nil }
        let key = definition.world.keys.first { $0.account == parsed.account && $0.region == parsed.region && $0.aliases.contains(parsed.resource) }
        return key.map { "arn:aws:kms:\($0.region):\($0.account):key/\($0.id)" }
    }

    /// The grants as the analysis's requests name them: an alias's grant is its key's.
    func normalized(_ grants: [Grant]) -> [Grant] {
        grants.flatMap { g -> [Grant] in
            if let key = keyARN(forAlias: g.resource) { return [g, Grant(action: g.action, resource: key)] }
            return [g]
        }
    }

    /// A policy allowing exactly `grants` (any context): the partitions must respect it.
    func envelopePolicy(_ grants: [Grant]) -> CompiledPolicy? {
        guard !grants.isEmpty else { return nil }
        var statements: [String] = []
        for g in grants {
            statements.append(#"{"Effect":"Allow","Action":"# + quoted(g.action) + #","Resource":"# + quoted(g.resource) + "}")
        }
        let text = #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}"
        return analysisCache.compiledPolicy(text, type: .identity)
    }

    private func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        JSONWriter.appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The context of a counterexample, as the learner reads it: the keys any policy of the
    /// request conditions on, `key=value`.
    func contextSummary(_ sample: AccessAnalyzer.Sample) -> String {
        let parts = contextConditions(sample)
        return parts.isEmpty ? "" : " when " + parts.joined(separator: ", ")
    }

    /// Each key any policy of `sample`'s request conditions on, as `key=value` or `key absent`,
    /// in key order.
    func contextConditions(_ sample: AccessAnalyzer.Sample) -> [String] {
        var keys: Set<String> = []
        for set in sample.policySets {
            var policies = set.identityPolicies.map(\.policy.source)
            if let r = set.resourcePolicy { policies.append(r.policy.source) }
            if let b = set.permissionsBoundary { policies.append(b.policy.source) }
            for p in policies { for s in p.statements { for c in s.conditions { keys.insert(c.normalizedKey) } } }
        }
        return keys.sorted().map { key -> String in
            guard let v = sample.request.context[key] else { return "\(key) absent" }
            // An empty string is a value of its own class: show it as one.
            let values = v.values.map { $0.isEmpty ? "\"\"" : $0 }
            let shown = values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
            return "\(key)=\(shown)"
        }
    }

    /// Who made a counterexample request, in a few words.
    func principalSummary(_ sample: AccessAnalyzer.Sample) -> String {
        let p = sample.request.principal
        switch p.kind {
        case .anonymous: return "an anonymous caller"
        case .service: return "the service principal \(p.arn)"
        case .assumedRole: return sample.knownPrincipal ? (p.roleArn ?? p.arn) : "any role such as \(p.roleArn ?? p.arn)"
        default: return sample.knownPrincipal ? p.arn : "any principal such as \(p.arn)"
        }
    }

    /// The submission's statement that allows `sample` in the first model, as "statement 2 (line 9)".
    ///
    /// With `delegating`, a statement of a resource-type submission that names only the
    /// caller's account counts too: it grants nothing alone (the caller's identity policy
    /// does), so the evaluator does not report it, but when the submission is what changed it
    /// is the statement to name.
    func grantingStatement(_ sample: AccessAnalyzer.Sample, delegating: Bool = true) -> (label: String, line: Int, column: Int)? {
        grantingStatement(sample.request, set: sample.policySets[0], delegating: delegating)
    }

    /// The same for one request and the policies that judge it.
    func grantingStatement(_ request: AuthorizationRequest, set: PolicySet, delegating: Bool = true) -> (label: String, line: Int, column: Int)? {
        let result = Authorizer().authorize(request, against: set)
        // A statement that only names the caller's account grants nothing when no IAM policy
        // of the account allows the request: name the one that does grant it.
        let identityAllows = result.matchedStatements.contains { $0.policyId != submissionPolicyName && $0.effect == .allow }
        let ownAllows = result.matchedStatements.filter { $0.policyId == submissionPolicyName && $0.effect == .allow }
        var own = ownAllows.first { identityAllows || !onlyNamesAccount($0, of: request.principal) } ?? ownAllows.first
        if own == nil, delegating, result.decision == .allowed {
            own = Authorizer().trace(request, against: set).first { t in
                t.policyId == submissionPolicyName && t.effect == .allow && t.outcome == .applied
            }.map { t in
                MatchedStatement(policyId: t.policyId, sourceType: nil, kind: t.kind, statementIndex: t.statementIndex,
                                 sid: t.sid, effect: t.effect, range: t.range)
            }
        }
        guard let m = own ?? result.matchedStatements.first(where: { $0.effect == .allow }) else { return nil }
        var label = (m.sid.map { "statement \"\($0)\"" } ?? "statement \(m.statementIndex + 1)")
            + (m.policyId == submissionPolicyName ? "" : " of \(m.policyId)") + ", line \(m.range.start.line)"
        if m.policyId == submissionPolicyName, let policy, m.statementIndex < policy.statements.count {
            let statement = policy.statements[m.statementIndex]
            // A resource policy's statement that names only the caller's account grants nothing
            // itself: it lets the account's IAM policies grant, and one of them did.
            let p = request.principal
            if onlyNamesAccount(m, of: p) {
                let identity = result.matchedStatements.first { $0.policyId != submissionPolicyName && $0.effect == .allow }
                label += ", which names account \(p.account) and so lets its IAM policies grant it"
                    + (identity.map { " (\($0.policyId) does)" } ?? "")
                return (label, m.range.start.line, m.range.start.column)
            }
            // Say how the statement reached the action: NotAction, or the pattern that matched.
            switch statement.action {
            case .notAction:
                label += ", whose NotAction allows every action it does not list"
            case .action(let patterns):
                var action = request.action.lowercased()
                if let p = patterns.first(where: { p in action.withUTF8 { Glob.matches(Glob.compile(p.text, caseInsensitive: true), $0, caseInsensitive: true) } }),
                   p.text.lowercased() != action {
                    label += ", through `\(p.text)`"
                }
            }
        }
        return (label, m.range.start.line, m.range.start.column)
    }

    /// Whether the submission's statement `m` lets `p` in only by naming `p`'s account (so it
    /// grants nothing itself: the account's IAM policies must).
    func onlyNamesAccount(_ m: MatchedStatement, of p: Principal) -> Bool {
        guard m.policyId == submissionPolicyName, let policy, m.statementIndex < policy.statements.count,
              let principal = policy.statements[m.statementIndex].principal, !principal.isNegated, p.kind != .root else { return false }
        let account = ["\(p.account)", "arn:\(p.partition):iam::\(p.account):root"]
        return principal.set.entries.contains(where: { $0.type == .aws && account.contains($0.value) })
            && !principal.set.entries.contains(where: { $0.type == .aws && ($0.value == "*" || $0.value == p.arn || $0.value == p.roleArn) })
    }
}
