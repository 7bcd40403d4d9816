extension PolicyCheckResult {
    /// The response as `aws accessanalyzer check-*` prints it (`result`, `message`,
    /// `reasons`), with kdslab's `counterexample` (and `unknown`) added. A reason omits
    /// `statementId` when the statement has no `Sid`, as AWS omits absent members.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("result", .string(result.rawValue)),
            ("message", .string(message)),
            ("reasons", .array(reasons.map(\.jsonValue))),
        ]
        if let counterexample { members.append(("counterexample", counterexample.jsonValue)) }
        if let unknown { members.append(("unknown", .string(unknown))) }
        return .object(members)
    }
}

extension PolicyCheckReason {
    /// One `ReasonSummary`.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("description", .string(description)),
            ("reasonIndex", .number(reasonIndex)),
            ("statementIndex", .number(statementIndex)),
        ]
        if let statementId { members.append(("statementId", .string(statementId))) }
        return .object(members)
    }
}

extension PolicyCheckCounterexample {
    /// `{principal, action, resource, contextEntries}`; the entries are in
    /// SimulateCustomPolicy's shape, so they can be pasted into its input.
    public var jsonValue: JSONValue {
        .object([
            ("principal", .string(principal)),
            ("action", .string(action)),
            ("resource", .string(resource)),
            ("contextEntries", .array(context.map { e in
                .object([
                    ("ContextKeyName", .string(e.name)),
                    ("ContextKeyValues", .array(e.values.map { .string($0) })),
                    ("ContextKeyType", .string(e.type.rawValue)),
                ])
            })),
        ])
    }
}
