/// A statement whose every action and resource another statement of the same effect and
/// principals already covers, when that other statement has no conditions (so it applies
/// whenever this one does). Only `Action` + `Resource` statements are compared.
struct RedundantStatementRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        let statements = context.policy.statements
        var findings: [Finding] = []
        for s in statements {
            for t in statements where t.index != s.index && covers(t, s, context) {
                // Two unconditional statements covering each other: report the later one.
                if t.index > s.index && s.conditions.isEmpty && covers(s, t, context) { continue }
                findings.append(Finding(
                    .redundantStatement,
                    "\(capitalized(s.label)) (\(summary(s))) is redundant: \(t.label) (\(summary(t))) has the same effect, no conditions and covers all of its actions and resources; remove it or merge the two.",
                    at: [context.location(context.path(s), s.range), context.location(context.path(t), t.range)]))
                break
            }
        }
        return findings
    }

    /// Whether `outer` applies to every request `inner` applies to, with the same effect.
    private func covers(_ outer: Statement, _ inner: Statement, _ context: _ValidationContext) -> Bool {
        guard outer.effect == inner.effect, outer.conditions.isEmpty,
              _Coverage.samePrincipals(outer.principal, inner.principal),
              case .action(let oa) = outer.action, case .action(let ia) = inner.action,
              case .resource(let or)? = outer.resource, case .resource(let ir)? = inner.resource else { return false }
        return _Coverage.all(ia, coveredBy: oa) { _Coverage.action($0, covers: $1, context) }
            && _Coverage.all(ir, coveredBy: or) { _Coverage.resource($0, covers: $1) }
    }

    /// `` `kinesis:PutRecord` on `arn:...` ``, first entries only.
    private func summary(_ s: Statement) -> String {
        let actions = s.action.patterns.map(\.text), resources = s.resource?.patterns.map(\.text) ?? []
        return "\(_ValidationContext.list(actions, limit: 2)) on \(_ValidationContext.list(resources, limit: 2))"
    }

    private func capitalized(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
