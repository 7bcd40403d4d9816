/// A Deny that depends on a policy variable whose key may be absent (no default given):
/// an unresolved variable matches nothing, so negated operators then fire and positive ones
/// never do — rarely what the author meant (IAM User Guide, policy variables).
struct DenyVariableRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        guard context.policy.supportsVariables else { return [] }
        var findings: [Finding] = []
        for s in context.policy.statements where s.effect == .deny {
            for (j, r) in (s.resource?.patterns ?? []).enumerated() {
                guard let key = Self.absentableVariable(in: r.text) else { continue }
                findings.append(Finding(
                    .denyWithPossiblyAbsentVariable,
                    "`\(r.text)` in the Deny \(s.label) uses `${\(key)}`, which may be absent from a request; the entry then matches nothing and the Deny does not apply. Add a default such as `${\(key), 'none'}`.",
                    path: context.resourcePath(s, j), span: r.range))
            }
            for c in s.conditions where c.op.base.family == .string || c.op.base.family == .arn {
                for (k, v) in c.values.enumerated() {
                    guard let key = Self.absentableVariable(in: v.text) else { continue }
                    let outcome = c.op.base.isNegated
                        ? "`\(c.op)` then matches and the Deny fires"
                        : "`\(c.op)` then never matches and the Deny never fires"
                    findings.append(Finding(
                        .denyWithPossiblyAbsentVariable,
                        "`\(v.text)` in the Deny \(s.label) uses `${\(key)}`, which may be absent from a request; \(outcome). Add a default such as `${\(key), 'none'}` or a `Null` check.",
                        path: context.conditionValuePath(s, c, k), span: v.range))
                }
            }
        }
        return findings
    }

    /// The first variable without a default whose key is not always present.
    static func absentableVariable(in text: String) -> String? {
        guard let template = PolicyVariableTemplate(text) else { return nil }
        for part in template.parts {
            if case .variable(let key, let written, let defaultValue) = part, defaultValue == nil,
               !_ConditionKeyTypes.alwaysPresent.contains(key) {
                return written
            }
        }
        return nil
    }
}
