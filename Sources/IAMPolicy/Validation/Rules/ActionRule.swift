/// Every action must name a real service, and an action of a detailed service (Kinesis, KMS)
/// must exist — a wildcard must match at least one of its actions.
struct ActionRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements {
            for (j, a) in s.action.patterns.enumerated() {
                if let f = finding(a, path: context.actionPath(s, j), context) { findings.append(f) }
            }
        }
        return findings
    }

    private func finding(_ a: ActionPattern, path: _ValidationContext.Path, _ context: _ValidationContext) -> Finding? {
        guard let service = a.service, !Glob.hasWildcard(service) else { return nil }
        let catalog = context.catalog
        guard catalog.isKnownService(service) else {
            let hint = _EditDistance.suggestion(for: service, among: ServiceCatalog.knownServicePrefixList)
                .map { "; did you mean `\($0):\(a.name)`?" } ?? "."
            return Finding(
                .invalidServiceInAction,
                "The service `\(service)` in `\(a.text)` does not exist\(hint)",
                path: path, span: a.range)
        }
        guard let definition = catalog.service(prefix: service),
              catalog.actions(matching: a.text).isEmpty else { return nil }
        if Glob.hasWildcard(a.name) {
            return Finding(
                .invalidAction,
                "`\(a.text)` matches no action of \(definition.name), so it grants nothing; check the spelling around the wildcard.",
                path: path, span: a.range)
        }
        let hint = _EditDistance.suggestion(for: a.name, among: definition.actions.map(\.name))
            .map { "; did you mean `\(definition.prefix):\($0)`?" } ?? "."
        return Finding(
            .invalidAction,
            "The action `\(a.text)` does not exist in \(definition.name)\(hint)",
            path: path, span: a.range)
    }
}
