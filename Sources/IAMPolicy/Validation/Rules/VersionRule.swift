/// `Version` should be present; policy variables are plain text without `2012-10-17`.
struct VersionRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        let policy = context.policy
        var findings: [Finding] = []
        if policy.version == nil {
            findings.append(Finding(
                .missingVersion,
                "Add \"Version\": \"2012-10-17\" to the policy; without it IAM uses 2008-10-17, where policy variables such as `${aws:username}` are plain text.",
                path: [], span: context.source.firstCharacter(at: policy.range.start)))
        }
        guard !policy.supportsVariables else { return findings }
        let version = policy.version == nil ? "no Version (2008-10-17)" : "Version 2008-10-17"
        for s in policy.statements {
            for (j, r) in (s.resource?.patterns ?? []).enumerated() where Self.hasVariable(r.text) {
                findings.append(Finding(
                    .variableUnsupportedInVersion,
                    "`\(r.text)` in \(s.label) uses a policy variable, but under \(version) it is compared as plain text; set \"Version\": \"2012-10-17\".",
                    path: context.resourcePath(s, j), span: r.range))
            }
            for c in s.conditions {
                for (k, v) in c.values.enumerated() where Self.hasVariable(v.text) {
                    findings.append(Finding(
                        .variableUnsupportedInVersion,
                        "`\(v.text)` under `\(c.op)` in \(s.label) uses a policy variable, but under \(version) it is compared as plain text; set \"Version\": \"2012-10-17\".",
                        path: context.conditionValuePath(s, c, k), span: v.range))
                }
            }
        }
        return findings
    }

    static func hasVariable(_ text: String) -> Bool {
        PolicyVariableTemplate(text)?.parts.contains { part in
            if case .variable = part { return true }
            return false
        } ?? false
    }
}
