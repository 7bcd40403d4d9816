/// An action or resource that another entry of the same statement already covers
/// (`kinesis:GetRecords` beside `kinesis:Get*`). When two entries cover each other, the later
/// one is reported.
struct RedundantElementRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements {
            let actions = s.action.patterns
            for (i, j) in Self.redundant(actions, { _Coverage.action($0, covers: $1, context) }) {
                findings.append(Finding(
                    .redundantAction,
                    "`\(actions[i].text)` in \(s.label) is already covered by `\(actions[j].text)`; remove it.",
                    at: [context.location(context.actionPath(s, i), actions[i].range),
                         context.location(context.actionPath(s, j), actions[j].range)]))
            }
            let resources = s.resource?.patterns ?? []
            for (i, j) in Self.redundant(resources, { _Coverage.resource($0, covers: $1) }) {
                findings.append(Finding(
                    .redundantResource,
                    "`\(resources[i].text)` in \(s.label) is already covered by `\(resources[j].text)`; remove it.",
                    at: [context.location(context.resourcePath(s, i), resources[i].range),
                         context.location(context.resourcePath(s, j), resources[j].range)]))
            }
        }
        return findings
    }

    /// Pairs (redundant entry, an entry covering it).
    static func redundant<T>(_ items: [T], _ covers: (T, T) -> Bool) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        for i in items.indices {
            for j in items.indices where j != i && covers(items[j], items[i]) {
                // Mutual cover: keep the earlier entry, report the later one.
                if j > i && covers(items[i], items[j]) { continue }
                out.append((i, j))
                break
            }
        }
        return out
    }
}
