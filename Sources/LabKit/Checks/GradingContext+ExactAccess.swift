import IAMPolicy
import KinesisSim

/// `exact-access`: the grants a principal ends up with, measured by the access analysis over
/// every action, resource and request context, compared with what the lab requires.
extension GradingContext {
    /// `exact-access`: every required grant holds in the check's context, and the analysis
    /// finds nothing beyond what the lab allows, over every action, resource and request
    /// context — and, for a resource, key or trust policy, no new access for any principal
    /// the lab's exact-access checks do not name.
    func gradeExactAccess(_ spec: ExactAccessSpec) -> CheckOutcome {
        guard let caller = caller(spec.principal, via: spec.via) else {
            return CheckOutcome(passed: false, message: "\(spec.principal) is not in the lab's world")
        }
        let named = caller.principal.roleArn ?? caller.principal.arn
        let missing = spec.required.filter { g in
            world.decision(AccessQuery(caller: caller, action: g.action, resource: g.resource, context: spec.context)) != .allowed
        }
        let unmet = unmetChoices(spec, caller: caller)  // `oneOf` groups: GradingContext+ExactAccessChoices.swift
        let allowedGrants = normalized(spec.allowedGrants)
        // What the lab allows may name patterns (`stream/dev-*`): the envelope's own patterns
        // are in the analysis's partitions, so one request decides its whole class.
        let allowedPatterns = allowedGrants.map { (Glob.compile($0.action, caseInsensitive: true), Glob.compile($0.resource)) }
        func isAllowed(_ action: String, _ resource: String) -> Bool {
            allowedPatterns.contains { a, r in
                var act = action.lowercased()
                var res = resource
                return act.withUTF8 { Glob.matches(a, $0, caseInsensitive: true) } && res.withUTF8 { Glob.matches(r, $0) }
            }
        }
        let namedElsewhere: Set<String> = Set(definition.checks.compactMap { check -> String? in
            guard case .exactAccess(let other) = check.kind, let c = self.caller(other.principal, via: other.via) else { return nil }
            return c.principal.roleArn ?? c.principal.arn
        })
        let extraPolicies = envelopePolicy(allowedGrants).map { [$0] } ?? []
        var extras: [Grant: AccessAnalyzer.Sample] = [:]
        var strangers: [AccessAnalyzer.Sample] = []
        do {
            let own = AccessAnalyzer(models: [requestModel], extraPolicies: extraPolicies, cache: analysisCache)
            try own.forEachSample(in: AnalysisScope(principals: .only([named]), onlyAllowed: true)) { s in
                guard s.decisions[0] == .allowed else { return true }
                for action in s.actions where !isAllowed(action, s.request.resource) {
                    // Another service's action reaches past the lab: once is enough to say so.
                    let otherService = ServiceCatalog.aws.action(action) == nil
                    if otherService, extras.keys.contains(where: { $0.action == action }) { continue }
                    let g = Grant(action: action, resource: s.request.resource)
                    if extras[g] == nil { extras[g] = s }
                }
                return extras.count < 500
            }
            if var baseline = baselineModel {
                // What the submitted policy grants by itself: a new principal of the lab's own
                // accounts is not assumed to have every permission already.
                var submitted = requestModel
                submitted.localStrangersAllowEverything = false
                baseline.localStrangersAllowEverything = false
                let everyone = AccessAnalyzer(models: [submitted, baseline], extraPolicies: extraPolicies, cache: analysisCache)
                try everyone.forEachSample(in: AnalysisScope(principals: .everyone, onlyAllowed: true)) { s in
                    guard s.decisions[0] == .allowed, s.decisions[1] != .allowed else { return true }
                    let who = s.request.principal.roleArn ?? s.request.principal.arn
                    if s.knownPrincipal && (who == named || namedElsewhere.contains(who)) { return true }
                    strangers.append(s)
                    return strangers.count < 20
                }
            }
        } catch {
            return CheckOutcome(passed: false, message: "\(spec.principal)'s access could not be decided exactly, so the check does not pass: \(error.reason)")
        }
        if missing.isEmpty && unmet.isEmpty && extras.isEmpty && strangers.isEmpty {
            return CheckOutcome(passed: true,
                                message: "\(spec.principal) gets exactly what it needs: all \(spec.required.count + spec.requiredOneOf.count) required grants, and nothing beyond the allowed set in any context.")
        }
        let worldStreams = Set(definition.world.streams.map(\.arn))
        func order(_ g: Grant) -> Int {
            let place = worldStreams.contains(g.resource) || g.resource == "*" ? 0 : (g.resource.contains("/consumer/") ? 2 : 1)
            return rank(g) * 10 + place
        }
        // Each grant's rank is looked up once, not on every comparison.
        let extra = extras.keys.map { (order($0), $0) }.sorted { $0 < $1 }.map(\.1)
        var details: [String] = missing.sorted().map { "missing: \($0)" } + unmet.map { "missing: \($0)" }
        var place: (line: Int, column: Int)?
        func describe(_ g: Grant, _ s: AccessAnalyzer.Sample) -> String {
            let by = grantingStatement(s)
            if place == nil, let by { place = (by.line, by.column) }
            return "\(g)\(contextSummary(s))" + (by.map { " (\($0.label))" } ?? "")
        }
        for (i, g) in extra.enumerated() {
            details.append(i < 25 ? "extra: " + describe(g, extras[g]!) : "extra: \(g)")
        }
        for s in strangers {
            details.append("someone else: \(principalSummary(s)) may \(s.request.action) on \(s.request.resource)\(contextSummary(s))"
                           + (grantingStatement(s).map { " (\($0.label))" } ?? ""))
        }
        var parts: [String] = []
        if !missing.isEmpty {
            parts.append("is not granted \(list(missing.sorted().map(\.description), total: missing.count))")
        }
        if let phrase = unmetChoicesPhrase(unmet) { parts.append(phrase) }
        if !extra.isEmpty {
            let shown = extra.prefix(3).map { describe($0, extras[$0]!) }
            let count = extras.count >= 500 ? "500 or more things" : "\(extra.count) thing\(extra.count == 1 ? "" : "s")"
            parts.append("is granted \(count) it should not be: \(list(Array(shown), total: extra.count))")
        }
        var message = "\(spec.principal) " + parts.joined(separator: "; and it ")
        if let s = strangers.first {
            let head = parts.isEmpty ? "" : message + "; and "
            message = head + "the policy lets in someone the lab does not: \(principalSummary(s)) may \(s.request.action) on \(s.request.resource)\(contextSummary(s))"
            if place == nil, let by = grantingStatement(s) { place = (by.line, by.column) }
        }
        return CheckOutcome(passed: false, message: message, details: details, line: place?.line, column: place?.column)
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

}
