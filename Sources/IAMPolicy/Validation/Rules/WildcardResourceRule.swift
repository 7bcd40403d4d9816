/// `Resource: "*"` in an Allow with actions that could be scoped to particular resources.
///
/// Not reported when the statement is already `OVERLY_PERMISSIVE`, for actions with no
/// resource type (they must use `*`), or when a condition limits the resources
/// (`aws:ResourceTag/...`, `aws:ResourceAccount`, `aws:ResourceOrgID`, `aws:ResourceOrgPaths`).
struct WildcardResourceRule: _ValidationRule {
    static let resourceLimitingKeys: Set<String> = ["aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths"]

    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements {
            guard let (star, starIndex) = OverlyPermissiveRule.wildcardResource(s) else { continue }
            let patterns = s.action.patterns
            if patterns.contains(where: { OverlyPermissiveRule.serviceWideScope($0, context) != nil }) { continue }
            if s.conditions.contains(where: {
                $0.normalizedKey.hasPrefix("aws:resourcetag/") || Self.resourceLimitingKeys.contains($0.normalizedKey)
            }) { continue }
            var scoped: [String] = []
            for p in patterns {
                guard case .detailed(let actions) = context.reach(p) else { continue }
                scoped += actions.filter(\.supportsResourceLevelPermissions).map(\.fullName)
            }
            scoped = ResourceARNRule.unique(scoped)
            guard !scoped.isEmpty else { continue }
            findings.append(Finding(
                .wildcardResourceWithResourceLevelActions,
                "`Resource: \"*\"` in \(s.label) lets \(_ValidationContext.list(scoped)) act on every matching resource in the account; these actions support resource-level permissions, so name the ARNs (such as `arn:aws:kinesis:us-east-1:111122223333:stream/orders`).",
                path: context.resourcePath(s, starIndex), span: star.range))
        }
        return findings
    }
}
