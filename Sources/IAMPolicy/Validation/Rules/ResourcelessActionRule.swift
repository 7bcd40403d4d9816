/// An action with no resource type (`kinesis:ListStreams`) is authorized only against `*`;
/// an Allow naming it with ARNs alone grants nothing for it.
struct ResourcelessActionRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements {
            guard s.effect == .allow, case .action(let actions) = s.action,
                  case .resource(let resources)? = s.resource,
                  !resources.contains(where: { Glob.matches($0.text, "*") }) else { continue }
            for (j, a) in actions.enumerated() where !Glob.hasWildcard(a.text) {
                guard let definition = context.catalog.action(a.text), !definition.supportsResourceLevelPermissions else { continue }
                findings.append(Finding(
                    .actionRequiresWildcardResource,
                    "`\(a.text)` has no resource type, so IAM authorizes it only against `Resource: \"*\"`; \(s.label) names only ARNs and grants nothing for it. Move it to a statement with \"Resource\": \"*\".",
                    path: context.actionPath(s, j), span: a.range))
            }
        }
        return findings
    }
}
