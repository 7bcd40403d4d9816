/// Encoding a parsed ``Policy`` back to policy JSON.
///
/// The output is canonical: `Version`, `Id`, then `Statement` always as an array; each
/// statement's members in the order `Sid`, `Effect`, `Principal`/`NotPrincipal`,
/// `Action`/`NotAction`, `Resource`/`NotResource`, `Condition`. A list of one entry is
/// written as a plain string; condition values keep the JSON type they were written as
/// (`false` stays a boolean, `3600` a number). Parsing the output yields the same AST
/// apart from source ranges, so `parse → encode → parse → encode` is a fixpoint.
extension Policy {
    /// The policy as canonical policy JSON (ranges are the empty, built ones).
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = []
        if let version { members.append(("Version", .string(version.rawValue))) }
        if let id { members.append(("Id", .string(id))) }
        members.append(("Statement", .array(statements.map(\.jsonValue))))
        return .object(members)
    }
}

extension Statement {
    /// The statement as policy JSON.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = []
        if let sid { members.append(("Sid", .string(sid))) }
        members.append(("Effect", .string(effect.rawValue)))
        if let principal {
            members.append((principal.isNegated ? "NotPrincipal" : "Principal", principal.set.jsonValue))
        }
        members.append((action.isNegated ? "NotAction" : "Action", Self.list(action.patterns.map(\.text))))
        if let resource {
            members.append((resource.isNegated ? "NotResource" : "Resource", Self.list(resource.patterns.map(\.text))))
        }
        if !conditions.isEmpty { members.append(("Condition", Self.conditionJSON(conditions))) }
        return .object(members)
    }

    /// One string alone, several as an array.
    static func list(_ texts: [String]) -> JSONValue {
        texts.count == 1 ? .string(texts[0]) : .array(texts.map { .string($0) })
    }

    /// Regroups the flattened conditions by operator, in first-seen order.
    private static func conditionJSON(_ conditions: [Condition]) -> JSONValue {
        var order: [String] = []
        var byOperator: [String: [(String, JSONValue)]] = [:]
        for c in conditions {
            let name = c.op.description
            if byOperator[name] == nil { order.append(name) }
            let values = c.values.map(\.jsonValue)
            byOperator[name, default: []].append((c.key, values.count == 1 ? values[0] : .array(values)))
        }
        return .object(order.map { ($0, .object(byOperator[$0] ?? [])) })
    }
}

extension ConditionValue {
    /// The value in the JSON type it was written as.
    public var jsonValue: JSONValue {
        switch writtenAs {
        case .string: .string(text)
        case .number: .number(literal: text)
        case .boolean: .bool(text == "true")
        }
    }
}

extension PrincipalSet {
    /// `"*"` for the bare wildcard, else an object grouping values by principal type.
    public var jsonValue: JSONValue {
        if isBareWildcard { return .string("*") }
        var order: [PrincipalType] = []
        var byType: [PrincipalType: [String]] = [:]
        for e in entries {
            if byType[e.type] == nil { order.append(e.type) }
            byType[e.type, default: []].append(e.value)
        }
        return .object(order.map { ($0.rawValue, Statement.list(byType[$0] ?? [])) })
    }
}
