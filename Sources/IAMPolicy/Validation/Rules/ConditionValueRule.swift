/// Condition values must be readable by their operator: dates, numbers, `true`/`false`,
/// addresses and CIDR blocks, base64 — and take no policy variables outside string and ARN
/// operators.
struct ConditionValueRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements {
            for c in s.conditions {
                let family = c.op.base.family
                for (k, v) in c.values.enumerated() {
                    let path = context.conditionValuePath(s, c, k)
                    if context.policy.supportsVariables, VersionRule.hasVariable(v.text),
                       family != .string, family != .arn {
                        findings.append(Finding(
                            .invalidVariableForOperator,
                            "`\(v.text)` under `\(c.op)` in \(s.label) uses a policy variable; only string and ARN operators take variables.",
                            path: path, span: v.range))
                        continue
                    }
                    if let f = finding(v, c, s, family: family, path: path) { findings.append(f) }
                }
            }
        }
        return findings
    }

    private func finding(
        _ v: ConditionValue, _ c: Condition, _ s: Statement, family: BaseConditionOperator.Family,
        path: _ValidationContext.Path
    ) -> Finding? {
        let text = v.text
        let at = "under `\(c.op)` for `\(c.key)` in \(s.label)"
        switch family {
        case .string, .arn:
            return nil
        case .numeric:
            guard DecimalNumber(parsing: text) == nil else { return nil }
            return Finding(.typeMismatchNumber, "`\(text)` \(at) is not a number, so the condition never matches.", path: path, span: v.range)
        case .date:
            guard let date = PolicyDate(parsing: text) else {
                return Finding(
                    .typeMismatchDate,
                    "`\(text)` \(at) is not a date; write ISO 8601 such as `2026-06-01T00:00:00Z` or epoch seconds.",
                    path: path, span: v.range)
            }
            guard !date.hadExplicitZone else { return nil }
            return Finding(
                .dateWithoutTimeZone,
                "`\(text)` \(at) has no time zone and is read as UTC; add `Z` or an offset such as `+02:00`.",
                path: path, span: v.range)
        case .bool, .null:
            switch text {
            case "true", "false":
                return nil
            case _ where text.lowercased() == "true" || text.lowercased() == "false":
                return Finding(
                    .nonLowercaseBoolean,
                    "`\(text)` \(at) should be written `\(text.lowercased())`; AWS documents only lower-case Boolean values.",
                    path: path, span: v.range)
            default:
                return Finding(
                    .typeMismatchBoolean,
                    "`\(text)` \(at) is not `true` or `false`, so the condition never matches.",
                    path: path, span: v.range)
            }
        case .binary:
            guard Base64.decode(text) == nil else { return nil }
            return Finding(.typeMismatchBinary, "`\(text)` \(at) is not base64, so the condition never matches.", path: path, span: v.range)
        case .ip:
            guard let block = CIDRBlock(parsing: text) else {
                return Finding(
                    .typeMismatchIPRange,
                    "`\(text)` \(at) is not an IP address or CIDR block such as `203.0.113.0/24`.",
                    path: path, span: v.range)
            }
            if block.hostBitsSet {
                return Finding(
                    .cidrHostBitsSet,
                    "`\(text)` \(at) has bits set after the /\(block.prefixLength) prefix; IAM ignores them, so write the network address `\(block.network)/\(block.prefixLength)`.",
                    path: path, span: v.range)
            }
            if block.family == .v6 && !block.hasExplicitPrefix {
                return Finding(
                    .ipv6WithoutPrefix,
                    "`\(text)` \(at) has no prefix length; write `\(text)/128` to say it is one address.",
                    path: path, span: v.range)
            }
            return nil
        }
    }
}
