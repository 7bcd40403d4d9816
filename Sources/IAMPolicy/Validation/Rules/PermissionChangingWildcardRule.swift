/// An Allow whose wildcard action reaches actions that change who may do what:
/// `kinesis:Put*` includes `kinesis:PutResourcePolicy`, `kms:*Grant*` includes `kms:CreateGrant`.
///
/// Not reported for a pattern already `OVERLY_PERMISSIVE`; actions named outright are the
/// author's evident intent and are not reported either.
struct PermissionChangingWildcardRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements {
            guard s.effect == .allow, case .action(let patterns) = s.action else { continue }
            let starResource = OverlyPermissiveRule.wildcardResource(s) != nil
            let named = Set(patterns.filter { !Glob.hasWildcard($0.text) }.map { $0.text.lowercased() })
            for (j, p) in patterns.enumerated() where Glob.hasWildcard(p.text) {
                if starResource && OverlyPermissiveRule.serviceWideScope(p, context) != nil { continue }
                let reached: [ActionDefinition]
                switch context.reach(p) {
                case .everything: reached = context.catalog.allActions
                case .detailed(let actions): reached = actions
                case .unknown: continue
                }
                let changing = reached.filter {
                    context.catalog.isPermissionChanging($0) && !named.contains($0.fullName.lowercased())
                }.map(\.fullName)
                guard !changing.isEmpty else { continue }
                findings.append(Finding(
                    .permissionChangingActionsViaWildcard,
                    "`\(p.text)` in \(s.label) also grants \(_ValidationContext.list(changing)), which change who can access the resource; list the actions the role needs instead of the wildcard.",
                    path: context.actionPath(s, j), span: p.range))
            }
        }
        return findings
    }
}
