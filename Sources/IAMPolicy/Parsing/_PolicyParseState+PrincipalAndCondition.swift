/// `Principal`/`NotPrincipal` and `Condition` blocks: the parts of a statement with their own grammar.
extension _PolicyParseState {
    // MARK: Principal

    mutating func principalSet(_ value: JSONValue, path: String) -> PrincipalSet? {
        if let s = value.stringValue {
            guard s == "*" else {
                fail(.invalidPrincipal, "Invalid principal in policy: \"\(s)\"",
                     "a principal is `\"*\"` or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}.",
                     at: value.range, path: path)
                return nil
            }
            return PrincipalSet(entries: [PrincipalEntry(type: .aws, value: "*", range: value.range)],
                                isBareWildcard: true, range: value.range)
        }
        guard let members = members(value, path: path, what: "Principal") else { return nil }
        var entries: [PrincipalEntry] = []
        for m in members {
            guard let t = PrincipalType(rawValue: m.key) else {
                fail(.invalidPrincipal, "Invalid principal in policy: \"\(m.key)\"",
                     "a principal's type is AWS, Service, Federated or CanonicalUser.", at: m.keyRange, path: join(path, m.key))
                continue
            }
            for (s, r) in strings(m.value, path: join(path, m.key), element: "Principal.\(m.key)") {
                if t == .aws, s != "*", !Self.isAccountId(s), !s.hasPrefix("arn:") {
                    fail(.invalidPrincipal, "Invalid principal in policy: \"AWS\":\"\(s)\"",
                         "an AWS principal is `*`, a 12-digit account id or an IAM ARN.", at: r, path: join(path, m.key))
                    continue
                }
                entries.append(PrincipalEntry(type: t, value: s, range: r))
            }
        }
        if members.isEmpty {
            fail(.invalidPrincipal, "Invalid principal in policy", "`Principal` names no one.", at: value.range, path: path)
        }
        return PrincipalSet(entries: entries, range: value.range)
    }

    static func isAccountId(_ s: String) -> Bool {
        s.utf8.count == 12 && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    // MARK: Condition

    mutating func conditions(_ value: JSONValue, path: String) -> [Condition] {
        guard let ops = members(value, path: path, what: "Condition") else { return [] }
        var out: [Condition] = []
        for opMember in ops {
            let opPath = join(path, opMember.key)
            guard let op = ConditionOperator(name: opMember.key) else {
                fail(.invalidConditionOperator, "Invalid Condition type : \(opMember.key)",
                     "`\(opMember.key)` is not a condition operator\(suggestion(for: opMember.key)).",
                     at: opMember.keyRange, path: opPath)
                continue
            }
            guard let keys = members(opMember.value, path: opPath, what: opMember.key) else { continue }
            var seenKeys: Set<String> = []
            for k in keys {
                let keyPath = join(opPath, k.key)
                if k.key.isEmpty {
                    fail(.invalidConditionKey, "a condition key cannot be empty.", at: k.keyRange, path: keyPath)
                    continue
                }
                if !seenKeys.insert(k.key.lowercased()).inserted {
                    fail(.duplicateField, "condition key `\(k.key)` appears twice under `\(opMember.key)` (key names ignore case).",
                         at: k.keyRange, path: keyPath)
                    continue
                }
                let values = conditionValues(k.value, path: keyPath)
                out.append(Condition(
                    op: op, key: k.key, values: values, operatorRange: opMember.keyRange,
                    keyRange: k.keyRange, range: k.keyRange.union(k.value.range)))
            }
        }
        return out
    }

    mutating func conditionValues(_ value: JSONValue, path: String) -> [ConditionValue] {
        func one(_ v: JSONValue) -> ConditionValue? {
            switch v.kind {
            case .string(let s): return ConditionValue(s, writtenAs: .string, range: v.range)
            case .number(let n): return ConditionValue(n, writtenAs: .number, range: v.range)
            case .bool(let b): return ConditionValue(b ? "true" : "false", writtenAs: .boolean, range: v.range)
            default: return nil
            }
        }
        if case .array(let elements) = value.kind {
            if elements.isEmpty {
                fail(.emptyList, "a condition key needs at least one value.", at: value.range, path: path)
            }
            var out: [ConditionValue] = []
            for e in elements {
                if let v = one(e) { out.append(v) } else {
                    fail(.wrongType, "condition values are strings, numbers or booleans, not \(article(e.typeName)).",
                         at: e.range, path: path)
                }
            }
            return out
        }
        if let v = one(value) { return [v] }
        fail(.wrongType, "condition values are strings, numbers or booleans, not \(article(value.typeName)).",
             at: value.range, path: path)
        return []
    }

    func suggestion(for name: String) -> String {
        let lower = name.lowercased()
        var candidates: [String] = []
        for q in [""] + SetQualifier.allCases.map({ $0.rawValue + ":" }) {
            for b in BaseConditionOperator.allCases {
                candidates.append(q + b.rawValue)
                if b != .null { candidates.append(q + b.rawValue + "IfExists") }
            }
        }
        if let exact = candidates.first(where: { $0.lowercased() == lower }) {
            return "; operator names are case-sensitive: did you mean `\(exact)`?"
        }
        if let near = candidates.first(where: { $0.lowercased().hasPrefix(lower) || lower.hasPrefix($0.lowercased()) }) {
            return "; did you mean `\(near)`?"
        }
        return ""
    }
}
