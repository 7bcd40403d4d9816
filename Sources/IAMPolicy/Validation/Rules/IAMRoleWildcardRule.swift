/// An Allow that lets a principal pass any role to a service (`iam:PassRole`) or create any
/// service-linked role (`iam:CreateServiceLinkedRole`): the action, named or reached by a
/// wildcard (`iam:Pass*`, `iam:*`, `*`), on a resource that is `*` or every role.
///
/// Access Analyzer's checks: `PASS_ROLE_WITH_STAR_IN_RESOURCE` and
/// `PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE` (security warnings, silenced by an
/// `iam:PassedToService` condition, as their text recommends), and the general warnings
/// `CREATE_SLR_WITH_STAR_IN_RESOURCE` and `CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE`.
///
/// "Every role" is `*` or an IAM ARN whose resource is `*` or `role/*`. Access Analyzer also
/// flags other wildcards in role names but spares names it takes for a service's namespace
/// (`role/Service*`) by rules it does not publish; we do not guess at them.
struct IAMRoleWildcardRule: _ValidationRule {
    /// One guarded IAM action and its two codes.
    struct Guarded {
        let action: String
        let named: IssueCode
        let wildcard: IssueCode
        /// A condition key that limits the grant enough to silence the finding.
        let limitingKey: String?
        let harm: String
    }

    static let guarded = [
        Guarded(action: "iam:PassRole", named: .passRoleWithStarInResource,
                wildcard: .passRoleWithStarInActionAndResource, limitingKey: "iam:PassedToService",
                harm: "lets the principal pass any role in the account to any service; name the role ARNs or add an `iam:PassedToService` condition"),
        Guarded(action: "iam:CreateServiceLinkedRole", named: .createSLRWithStarInResource,
                wildcard: .createSLRWithStarInActionAndResource, limitingKey: nil,
                harm: "lets the principal create unintended service-linked roles; name the role ARNs"),
    ]

    func check(_ context: _ValidationContext) -> [Finding] {
        // A service control policy grants nothing: its `*` on `*` only sets a ceiling.
        guard context.type != .serviceControl else { return [] }
        var findings: [Finding] = []
        for s in context.policy.statements {
            guard s.effect == .allow, case .action(let patterns) = s.action,
                  case .resource(let resources)? = s.resource,
                  let starIndex = resources.firstIndex(where: { Self.isEveryRole($0.text) }) else { continue }
            let star = resources[starIndex]
            for g in Self.guarded {
                if let key = g.limitingKey, Self.limits(s, key: key) { continue }
                for (j, a) in patterns.enumerated() where Glob.matches(a.text, g.action, caseInsensitive: true) {
                    let viaWildcard = Glob.hasWildcard(a.text)
                    let locations = [
                        context.location(context.actionPath(s, j), a.range),
                        context.location(context.resourcePath(s, starIndex), star.range),
                    ]
                    let what = viaWildcard ? "`\(a.text)` (which includes `\(g.action)`)" : "`\(a.text)`"
                    findings.append(Finding(
                        viaWildcard ? g.wildcard : g.named,
                        "\(what) on `\(star.text)` in \(s.label) \(g.harm).",
                        at: locations))
                }
            }
        }
        return findings
    }

    /// `*`, or an IAM (or any-service) ARN pattern for every role: resource `*` or `role/*`.
    static func isEveryRole(_ text: String) -> Bool {
        if OverlyPermissiveRule.isAllStars(text) { return true }
        guard let arn = ARN(parsing: text), arn.service == "iam" || OverlyPermissiveRule.isAllStars(arn.service) else {
            return false
        }
        let resource = arn.resource.hasPrefix("role/") ? String(arn.resource.dropFirst(5)) : arn.resource
        return OverlyPermissiveRule.isAllStars(resource)
    }

    /// Whether a condition on `key` with a positive operator narrows the statement.
    static func limits(_ s: Statement, key: String) -> Bool {
        s.conditions.contains { c in
            c.normalizedKey == key.lowercased() && c.op.base != .null && !c.op.base.isNegated && !c.op.ifExists
        }
    }
}
