/// ARNs in `Resource`/`NotResource` must be well formed (six fields, an AWS partition, a real
/// lower-case service, a region for regional services, a resource part the service has) and,
/// in `Resource`, be something at least one of the statement's actions can act on.
struct ResourceARNRule: _ValidationRule {
    /// AWS partitions; a partition field may also be a wildcard that matches one of them.
    static let partitions = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]

    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements {
            guard let clause = s.resource else { continue }
            var wellFormed: [(Int, ResourcePattern)] = []
            for (j, r) in clause.patterns.enumerated() {
                if let f = formatFinding(r, s, path: context.resourcePath(s, j), context) {
                    findings.append(f)
                } else if r.text.hasPrefix("arn:") {
                    wellFormed.append((j, r))
                }
            }
            if case .resource = clause, case .action(let actions) = s.action {
                findings += unsupported(wellFormed, actions: actions, s, context)
            }
        }
        return findings
    }

    private func formatFinding(
        _ r: ResourcePattern, _ s: Statement, path: _ValidationContext.Path, _ context: _ValidationContext
    ) -> Finding? {
        let text = r.text
        guard text.hasPrefix("arn:") else { return nil }  // `*`, or a parse error already
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6 else {
            // `arn:aws:kinesis:*` may cover the rest with its final wildcard.
            if text.hasSuffix("*") { return nil }
            return Finding(
                .missingARNField,
                "The resource `\(text)` in \(s.label) has \(fields.count) of the 6 ARN fields; write it as `arn:partition:service:region:account:resource`.",
                path: path, span: r.range)
        }
        let partition = String(fields[1]), service = String(fields[2]), region = fields[3]
        if !Self.partitions.contains(where: { Glob.matches(partition, $0) }) {
            return Finding(
                .invalidPartition,
                "The partition `\(partition)` in `\(text)` is not an AWS partition; use `aws` (or `aws-cn`, `aws-us-gov`).",
                path: path, span: r.range)
        }
        if service.isEmpty {
            return Finding(
                .missingARNField,
                "The resource `\(text)` in \(s.label) has an empty service field; name the service, such as `kinesis`.",
                path: path, span: r.range)
        }
        if Glob.hasWildcard(service) {
            return Finding(
                .wildcardInARNService,
                "The service field `\(service)` of `\(text)` holds a wildcard; IAM does not allow one there, so name the service.",
                path: path, span: r.range)
        }
        if service != service.lowercased() && context.catalog.isKnownService(service) {
            return Finding(
                .invalidARNServiceCase,
                "The service `\(service)` in `\(text)` must be lower case: `\(service.lowercased())`; resource matching is case-sensitive.",
                path: path, span: r.range)
        }
        if !context.catalog.isKnownService(service) {
            let hint = _EditDistance.suggestion(for: service, among: ServiceCatalog.knownServicePrefixList)
                .map { "; did you mean `\($0)`?" } ?? "."
            return Finding(.invalidService, "The service `\(service)` in `\(text)` does not exist\(hint)",
                           path: path, span: r.range)
        }
        let types = context.resourceTypes(arnService: service)
        guard !types.isEmpty else { return nil }  // a service the catalog does not detail
        if region.isEmpty {
            return Finding(
                .missingARNRegion,
                "The `\(service)` resource `\(text)` has no region; \(service) ARNs name one (use `*` for any region).",
                path: path, span: r.range)
        }
        if !types.contains(where: { _GlobRelation.intersects(text, _ValidationContext.glob(for: $0)) }) {
            let expected = Self.unique(types.map(\.arnPattern))
            return Finding(
                .invalidARNResource,
                "The resource `\(text)` does not match any `\(service)` ARN format: \(_ValidationContext.list(expected)).",
                path: path, span: r.range)
        }
        return nil
    }

    /// ARNs none of the statement's (detailed) actions can act on.
    private func unsupported(
        _ arns: [(Int, ResourcePattern)], actions: [ActionPattern], _ s: Statement, _ context: _ValidationContext
    ) -> [Finding] {
        guard !arns.isEmpty, let reached = context.detailedActions(actions) else { return [] }
        let scoped = reached.filter(\.supportsResourceLevelPermissions)
        guard !scoped.isEmpty else { return [] }  // resource-less actions: ResourcelessActionRule's business
        var findings: [Finding] = []
        for (j, r) in arns {
            let fits = scoped.contains { a in
                context.resourceTypes(of: a).contains { _GlobRelation.intersects(r.text, _ValidationContext.glob(for: $0)) }
            }
            guard !fits else { continue }
            let typeNames = Self.unique(scoped.flatMap { a in a.resourceTypes.map { "\(a.servicePrefix) \($0.name)" } })
            findings.append(Finding(
                .unsupportedResourceARNInPolicy,
                "No action of \(s.label) can act on `\(r.text)`: its actions (\(_ValidationContext.list(actions.map(\.text)))) take \(_ValidationContext.list(typeNames, limit: 6)) ARNs.",
                path: context.resourcePath(s, j), span: r.range))
        }
        return findings
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
