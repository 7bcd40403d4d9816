import IAMPolicy

extension Verdict {
    /// `{"results": [...]}`: the convenience form's `--output json` document.
    static func document(_ verdicts: [Verdict]) -> JSONValue {
        .object([("results", .array(verdicts.map(\.jsonValue)))])
    }

    /// One result: action, resource, decision, matched statements, missing context values,
    /// explanation and the AccessDenied message (`null` when allowed).
    var jsonValue: JSONValue {
        let r = result
        let matched: [JSONValue] = r.matchedStatements.map { s in
            .object([
                ("policy", .string(s.policyId)),
                ("sid", s.sid.map { .string($0) } ?? .null),
                ("statementIndex", .number(s.statementIndex)),
                ("line", .number(s.range.start.line)),
                ("column", .number(s.range.start.column)),
            ])
        }
        let details: [JSONValue] = explanation.details.map { d in
            var members: [(String, JSONValue)] = [("text", .string(d.text))]
            if let id = d.policyId { members.append(("policy", .string(id))) }
            if let range = d.range {
                members.append(("line", .number(range.start.line)))
                members.append(("column", .number(range.start.column)))
            }
            return .object(members)
        }
        return .object([
            ("action", .string(r.request.action)),
            ("resource", .string(r.request.resource)),
            ("decision", .string(r.decision.rawValue)),
            ("matchedStatements", .array(matched)),
            ("missingContextValues", .array(r.missingContextKeys.map { .string($0) })),
            ("explanation", .object([
                ("summary", .string(explanation.summary)),
                ("details", .array(details)),
            ])),
            ("accessDeniedMessage", r.accessDeniedMessage.map { .string($0) } ?? .null),
        ])
    }
}
