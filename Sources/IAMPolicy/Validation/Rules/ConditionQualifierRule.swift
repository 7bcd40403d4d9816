/// Set qualifiers must fit the key: `ForAllValues:`/`ForAnyValue:` only on multivalued keys,
/// multivalued keys only with one, and `ForAllValues:` in an Allow with a `Null` check
/// (it is true when the key is absent).
struct ConditionQualifierRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements {
            for c in s.conditions where c.op.base != .null {
                guard let type = _ConditionKeyTypes.type(of: c.key, catalog: context.catalog) else { continue }
                let path = context.conditionPath(s, c)
                switch (c.op.qualifier, type.isMultivalued) {
                case (.forAllValues?, false):
                    findings.append(Finding(
                        .forAllValuesWithSingleValuedKey,
                        "`\(c.op)` on the single-valued key `\(c.key)` in \(s.label) is true when the key is absent, so it can grant more than intended; drop `ForAllValues:`.",
                        path: path, span: c.keyRange))
                case (.forAnyValue?, false):
                    findings.append(Finding(
                        .forAnyValueWithSingleValuedKey,
                        "`\(c.op)` is meant for multivalued keys, but `\(c.key)` in \(s.label) has one value; drop `ForAnyValue:`.",
                        path: path, span: c.keyRange))
                case (nil, true):
                    findings.append(Finding(
                        .missingQualifier,
                        "`\(c.key)` in \(s.label) can carry several values; say how to compare them with `ForAllValues:\(c.op)` or `ForAnyValue:\(c.op)`.",
                        path: path, span: c.keyRange))
                case (.forAllValues?, true) where s.effect == .allow && !hasNullCheck(c.key, in: s):
                    findings.append(Finding(
                        .forAllValuesWithoutNullCheck,
                        "`\(c.op)` on `\(c.key)` in \(s.label) is also true when the request has no `\(c.key)`; add \"Null\": {\"\(c.key)\": \"false\"} so the Allow needs the key.",
                        path: path, span: c.keyRange))
                default:
                    break
                }
            }
        }
        return findings
    }

    private func hasNullCheck(_ key: String, in s: Statement) -> Bool {
        s.conditions.contains { c in
            c.op.base == .null && c.normalizedKey == key.lowercased() && c.values.contains { $0.text.lowercased() == "false" }
        }
    }
}
