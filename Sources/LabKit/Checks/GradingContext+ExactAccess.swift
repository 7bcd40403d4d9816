import IAMPolicy
import KinesisSim

/// `exact-access`: the grants a principal ends up with, measured over the whole Kinesis and
/// KMS catalogs and every resource that matters, compared with what the lab requires.
extension GradingContext {
    /// Every (action, resource) pair the principal is allowed, over the catalog and the
    /// measured resources plus any pair the spec names.
    public func grantedPairs(_ spec: ExactAccessSpec) -> Set<Grant>? {
        grantedPairs(spec, plan: ExactAccessPlan(definition: definition, spec: spec))
    }

    func grantedPairs(_ spec: ExactAccessSpec, plan: ExactAccessPlan) -> Set<Grant>? {
        guard let caller = caller(spec.principal, via: spec.via) else { return nil }
        var granted: Set<Grant> = []
        let authorizer = Authorizer()
        for target in plan.targets {
            // Outside the world, ask what the policy grants, not whether a stranger consents.
            var query = AccessQuery(caller: caller, action: target.actions[0], resource: target.resource, context: spec.context,
                                    resourceAccount: target.outsideWorld ? caller.principal.account : nil)
            query.action = target.actions[0]
            var (request, policies) = world.authorizationInput(query)
            for action in target.actions {
                request.action = action
                if authorizer.decision(for: request, against: policies) == .allowed {
                    granted.insert(Grant(action: action, resource: target.resource))
                }
            }
        }
        return granted
    }

    func gradeExactAccess(_ spec: ExactAccessSpec, plan: ExactAccessPlan?) -> CheckOutcome {
        guard let granted = grantedPairs(spec, plan: plan ?? ExactAccessPlan(definition: definition, spec: spec)) else {
            return CheckOutcome(passed: false, message: "\(spec.principal) is not in the lab's world")
        }
        let required = Set(spec.required)
        let allowed = required.union(spec.optional)
        let missing = required.subtracting(granted).sorted()
        let worldStreams = Set(definition.world.streams.map(\.arn))
        func rank(_ g: Grant) -> Int {
            // The world's own streams before consumers and near misses.
            let place = worldStreams.contains(g.resource) || g.resource == "*" ? 0 : (g.resource.contains("/consumer/") ? 2 : 1)
            return self.rank(g) * 10 + place
        }
        let ranked: [(rank: Int, grant: Grant)] = granted.subtracting(allowed).map { g in (rank(g), g) }
        let extra: [Grant] = ranked.sorted { (a: (rank: Int, grant: Grant), b: (rank: Int, grant: Grant)) -> Bool in
            a.rank != b.rank ? a.rank < b.rank : a.grant < b.grant
        }.map { $0.grant }
        let otherServices = otherServiceGrants(allowedServices: Set(allowed.map { $0.action.split(separator: ":")[0].lowercased() }))

        if missing.isEmpty && extra.isEmpty && otherServices.isEmpty {
            return CheckOutcome(passed: true,
                                message: "\(spec.principal) gets exactly what it needs: all \(required.count) required grants and nothing beyond the allowed set.")
        }
        var details: [String] = []
        var place: (line: Int, column: Int)?
        for g in missing {
            details.append("missing: \(g)")
        }
        // Attributing a grant runs the full trace, so only the first few (the most telling)
        // name their statement; the rest are counted.
        let attributed = 10
        for (i, g) in extra.enumerated() {
            let by = i < attributed ? attribution(of: g, for: spec) : nil
            if place == nil, let line = by?.line { place = (line, by?.column ?? 1) }
            details.append("extra: \(g)" + (by.map { " — granted by \($0.label)" } ?? ""))
        }
        for o in otherServices {
            if place == nil { place = (o.line, o.column) }
            details.append("extra: \(o.text)")
        }
        var parts: [String] = []
        if !missing.isEmpty {
            parts.append("is not granted \(list(missing.map(\.description), total: missing.count))")
        }
        if !extra.isEmpty {
            let shown = extra.prefix(3).map { g in
                attribution(of: g, for: spec).map { "\(g) (\($0.label))" } ?? g.description
            }
            parts.append("grants \(extra.count) pair\(extra.count == 1 ? "" : "s") it should not: \(list(Array(shown), total: extra.count))")
        }
        if !otherServices.isEmpty {
            parts.append(otherServices[0].text)
        }
        return CheckOutcome(passed: false, message: "\(spec.principal) " + parts.joined(separator: "; and it "),
                            details: details, line: place?.line, column: place?.column)
    }

    private func list(_ items: [String], total: Int) -> String {
        let shown = items.prefix(3).joined(separator: ", ")
        return total > 3 ? "\(shown) and \(total - 3) more" : shown
    }

    /// Most telling first: permission changes, then writes, reads, lists, tagging; then the
    /// world's own resources before near misses.
    private func rank(_ g: Grant) -> Int {
        let catalog = ServiceCatalog.aws
        guard let a = catalog.action(g.action) else { return 50 }
        var r: Int
        if catalog.isPermissionChanging(a) { r = 0 } else {
            switch a.accessLevel {
            case .permissionsManagement: r = 0
            case .write: r = 10
            case .read: r = 20
            case .tagging: r = 30
            case .list: r = 40
            }
        }
        return r
    }

    /// The submission's statement that grants `g`, as "statement 2 (line 9)".
    private func attribution(of g: Grant, for spec: ExactAccessSpec) -> (label: String, line: Int, column: Int)? {
        guard let caller = caller(spec.principal, via: spec.via) else { return nil }
        let outside = ExactAccessPlan.isOutsideWorld(g.resource, definition)
        let (result, _) = world.explain(AccessQuery(caller: caller, action: g.action, resource: g.resource, context: spec.context,
                                                    resourceAccount: outside ? caller.principal.account : nil))
        guard let m = result.matchedStatements.first(where: { $0.policyId == submissionPolicyName }) ?? result.matchedStatements.first
        else { return nil }
        let label = (m.sid.map { "statement \"\($0)\"" } ?? "statement \(m.statementIndex + 1)")
            + (m.policyId == submissionPolicyName ? "" : " of \(m.policyId)") + ", line \(m.range.start.line)"
        return (label, m.range.start.line, m.range.start.column)
    }

    /// Allow statements of an identity-policy submission that reach actions of services the
    /// lab does not measure (`s3:*`, `iam:PassRole`, `*`, or any `NotAction`).
    private func otherServiceGrants(allowedServices: Set<String>) -> [(text: String, line: Int, column: Int)] {
        guard case .identityPolicy = definition.submission, let policy else { return [] }
        let measured = allowedServices.union(["kinesis", "kms"])
        var out: [(String, Int, Int)] = []
        for s in policy.statements where s.effect == .allow {
            switch s.action {
            case .notAction:
                out.append(("statement \(s.index + 1) (line \(s.range.start.line)) allows with NotAction, which grants every action of every other AWS service",
                            s.range.start.line, s.range.start.column))
            case .action(let patterns):
                for p in patterns {
                    let text = p.text
                    let service = text.split(separator: ":", maxSplits: 1).first.map { String($0).lowercased() } ?? text
                    let reachesOthers: Bool
                    if text.allSatisfy({ $0 == "*" }) {
                        reachesOthers = true
                    } else if Glob.hasWildcard(service) {
                        // `k*:*` reaches kinesisanalytics, kafka, …
                        reachesOthers = ServiceCatalog.knownServicePrefixes.contains { prefix in
                            !measured.contains(prefix) && Glob.matches(service, prefix, caseInsensitive: true)
                        }
                    } else {
                        reachesOthers = !measured.contains(service)
                    }
                    if reachesOthers {
                        out.append(("statement \(s.index + 1) (line \(p.range.start.line)) allows `\(text)`, which reaches beyond Kinesis and KMS",
                                    p.range.start.line, p.range.start.column))
                    }
                }
            }
        }
        return out
    }
}
