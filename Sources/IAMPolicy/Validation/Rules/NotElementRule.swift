/// `Allow` with `NotAction`, `NotResource` or `NotPrincipal` grants everything not listed.
struct NotElementRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements where s.effect == .allow {
            if case .notAction(let patterns) = s.action, let span = Self.span(patterns.map(\.range)) {
                findings.append(Finding(
                    .allowWithNotAction,
                    "`Allow` with `NotAction` in \(s.label) grants every action of every service except \(_ValidationContext.list(patterns.map(\.text))), including actions AWS adds later; list the allowed actions in `Action` instead.",
                    path: context.path(s) + [.value("NotAction")], span: span))
            }
            if case .notResource(let patterns)? = s.resource, let span = Self.span(patterns.map(\.range)) {
                findings.append(Finding(
                    .allowWithNotResource,
                    "`Allow` with `NotResource` in \(s.label) grants its actions on every resource except \(_ValidationContext.list(patterns.map(\.text))), in every region and account; list the allowed resources in `Resource` instead.",
                    path: context.path(s) + [.value("NotResource")], span: span))
            }
            if case .notPrincipal(let set)? = s.principal {
                findings.append(Finding(
                    .allowWithNotPrincipal,
                    "`Allow` with `NotPrincipal` in \(s.label) grants access to every principal except \(_ValidationContext.list(set.entries.map(\.value))), anonymous users included; name the principals in `Principal` instead.",
                    path: context.path(s) + [.value("NotPrincipal")], span: set.range))
            }
        }
        return findings
    }

    static func span(_ ranges: [SourceRange]) -> SourceRange? {
        guard let first = ranges.first else { return nil }
        return ranges.dropFirst().reduce(first) { $0.union($1) }
    }
}
