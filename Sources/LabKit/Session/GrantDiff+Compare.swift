import IAMPolicy

/// Comparing a draft with the reference solution by the access analysis: the requests the
/// draft allows and the reference does not (new access), and the reverse.
extension GrantDiff {
    /// The most entries shown on one side.
    public static let entriesPerSide = 40
    /// The most entries shown for one principal.
    public static let entriesPerPrincipal = 10

    /// Compares `draft` with `lab`'s reference solution over every principal the lab cares
    /// about: for an identity policy, the principals its `exact-access` checks measure and
    /// the policy's own; for a resource, key or trust policy, everyone. Pass a `cache` shared
    /// with other analyses of the lab to reuse their work.
    public static func compare(draft: String, in lab: Lab, cache: AnalysisCache = AnalysisCache()) -> Result<GrantDiff, GrantDiffError> {
        let definition = lab.definition
        if definition.submission == .answers { return .failure(.notAPolicy) }
        let grader = Grader(definition: definition, analysisCache: cache)
        let mine: GradingContext
        switch grader.context(for: draft) {
        case .success(let c): mine = c
        case .failure(let e): return .failure(.draft(e))
        }
        let reference: GradingContext
        switch grader.context(for: lab.solution) {
        case .success(let c): reference = c
        case .failure(let e): return .failure(.reference(e))
        }
        let scope: Scope
        switch mine.diffScope() {
        case .success(let s): scope = s
        case .failure(let e): return .failure(e)
        }
        let analysisScope: AnalysisScope
        switch scope {
        case .principals(let arns): analysisScope = AnalysisScope(principals: .only(arns))
        case .everyone: analysisScope = AnalysisScope(principals: .everyone)
        }
        do {
            let added = try AccessAnalyzer(models: [mine.requestModel, reference.requestModel], cache: cache)
                .allNewAccess(in: analysisScope)
            let lost = try AccessAnalyzer(models: [reference.requestModel, mine.requestModel], cache: cache)
                .allNewAccess(in: analysisScope)
            return .success(GrantDiff(scope: scope,
                                      onlyInDraft: side(added.map { mine.diffEntry($0, draftIndex: 0) }),
                                      onlyInReference: side(lost.map { mine.diffEntry($0, draftIndex: 1) })))
        } catch {
            return .failure(.unknown(error.reason))
        }
    }

    /// Entries merged where only their actions differ, grouped by principal in the
    /// analysis's order, and capped.
    static func side(_ entries: [(principal: String, entry: Entry)]) -> Side {
        struct MergeKey: Hashable {
            var principal: String
            var resource: String
            var context: [String]
            var grantedBy: String?
            var deniedBy: String?
            var otherService: Bool
        }
        var principals: [String] = []
        var byPrincipal: [String: [Entry]] = [:]
        var position: [MergeKey: Int] = [:]
        for (who, e) in entries {
            let key = MergeKey(principal: who, resource: e.resource, context: e.context, grantedBy: e.grantedBy,
                               deniedBy: e.deniedBy, otherService: e.otherService)
            if let i = position[key] {
                for a in e.actions where !byPrincipal[who, default: []][i].actions.contains(a) {
                    byPrincipal[who, default: []][i].actions.append(a)
                }
                continue
            }
            if byPrincipal[who] == nil { principals.append(who) }
            position[key] = byPrincipal[who, default: []].count
            byPrincipal[who, default: []].append(e)
        }
        var side = Side()
        var shown = 0
        for who in principals {
            let all = byPrincipal[who, default: []]
            guard shown < entriesPerSide else {
                side.morePrincipals += 1
                side.moreEntries += all.count
                continue
            }
            let take = min(all.count, entriesPerPrincipal, entriesPerSide - shown)
            side.groups.append(Group(principal: who, entries: Array(all.prefix(take)), more: all.count - take))
            shown += take
        }
        return side
    }
}

extension GradingContext {
    /// Whose access `diff` compares: for an identity policy, the principals the lab's
    /// `exact-access` checks measure and the policy's own (as policies name them); for a
    /// resource, key or trust policy, everyone, since it can let in principals no check
    /// names. Fails with a principal the world does not have.
    func diffScope() -> Result<GrantDiff.Scope, GrantDiffError> {
        guard case .identityPolicy(let own, _) = definition.submission else { return .success(.everyone) }
        // The policy's own principal too: its access is the only access the draft can change.
        let refs: [(PrincipalRef, ConnectionSpec)] = definition.checks.compactMap { check in
            guard case .exactAccess(let spec) = check.kind else { return nil }
            return (spec.principal, spec.via)
        } + [(own, .https)]
        var arns: [String] = []
        for (ref, via) in refs {
            guard let c = caller(ref, via: via) else { return .failure(.principalMissing(ref)) }
            let arn = c.principal.roleArn ?? c.principal.arn
            if !arns.contains(arn) { arns.append(arn) }
        }
        return .success(.principals(arns))
    }

    /// One entry of a diff from a sample of new access, with its principal in a few words.
    /// `draftIndex` is the draft's model in the sample: 0 when the draft allows it (the
    /// statement that grants it is named), 1 when the reference does (the draft's statement
    /// that denies it is named, when one does).
    func diffEntry(_ s: AccessAnalyzer.Sample, draftIndex: Int) -> (principal: String, entry: GrantDiff.Entry) {
        let action = s.request.action
        let otherService = ServiceCatalog.aws.action(action) == nil && !action.lowercased().hasPrefix("sts:")
        let resource = s.request.resource
        let inWorld = resource == "*" || requestModel.resources.contains { $0.arn == resource }
        var entry = GrantDiff.Entry(actions: s.actions, otherService: otherService, resource: resource,
                                    resourceInWorld: inWorld, context: contextConditions(s))
        if draftIndex == 0 {
            entry.grantedBy = grantingStatement(s, delegating: true)?.label
        } else if s.decisions[draftIndex] == .explicitDeny {
            entry.deniedBy = denyingStatement(s.request, in: s.policySets[draftIndex])
        }
        return (principalSummary(s), entry)
    }

    /// The statement that denies `request` explicitly, as "statement \"Sid\", line 12"
    /// (naming its policy when it is not the submission).
    private func denyingStatement(_ request: AuthorizationRequest, in set: PolicySet) -> String? {
        let matched = Authorizer().authorize(request, against: set).matchedStatements.filter { $0.effect == .deny }
        guard let m = matched.first(where: { $0.policyId == submissionPolicyName }) ?? matched.first else { return nil }
        return (m.sid.map { "statement \"\($0)\"" } ?? "statement \(m.statementIndex + 1)")
            + (m.policyId == submissionPolicyName ? "" : " of \(m.policyId)") + ", line \(m.range.start.line)"
    }
}
