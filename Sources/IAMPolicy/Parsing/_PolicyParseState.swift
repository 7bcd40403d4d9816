/// The mutable walk behind ``PolicyParser``: reads JSON values into AST nodes and collects errors.
struct _PolicyParseState {
    let type: PolicyType
    var errors: [PolicyParseError] = []

    init(type: PolicyType) {
        self.type = type
    }

    mutating func fail(
        _ code: PolicyParseError.Code, _ message: String, _ detail: String, at range: SourceRange, path: String
    ) {
        errors.append(PolicyParseError(code, message: message, detail: detail, range: range, path: path))
    }

    /// Records an error IAM reports only as "Syntax errors in policy.".
    mutating func fail(_ code: PolicyParseError.Code, _ detail: String, at range: SourceRange, path: String) {
        fail(code, PolicyParser.syntaxErrors, detail, at: range, path: path)
    }

    /// Members of an object, with duplicates reported; `nil` (and an error) when not an object.
    mutating func members(_ value: JSONValue, path: String, what: String) -> [JSONMember]? {
        guard let members = value.members else {
            fail(.wrongType, "`\(what)` must be a JSON object, not \(article(value.typeName)).",
                 at: value.range, path: path)
            return nil
        }
        var seen: Set<String> = []
        for m in members where !seen.insert(m.key).inserted {
            fail(.duplicateField, "`\(m.key)` appears more than once in \(what); IAM cannot tell which to use.",
                 at: m.keyRange, path: join(path, m.key))
        }
        return members
    }

    // MARK: Document

    mutating func policy(_ root: JSONValue) -> Policy? {
        guard let members = members(root, path: "", what: "the policy document") else {
            // Replace the generic message: a policy must be one object.
            if let last = errors.indices.last { errors[last].code = .notAnObject }
            return nil
        }
        var version: PolicyVersion?
        var versionRange: SourceRange?
        var id: String?
        var statements: [Statement] = []
        var sawStatement = false
        for m in members {
            switch m.key {
            case "Version":
                versionRange = m.value.range
                if let s = m.value.stringValue, let v = PolicyVersion(rawValue: s) {
                    version = v
                } else {
                    fail(.invalidVersion, "The policy failed legacy parsing",
                         "`Version` must be \"2012-10-17\" or \"2008-10-17\"; found \(render(m.value)).",
                         at: m.value.range, path: "Version")
                }
            case "Id":
                if let s = m.value.stringValue { id = s } else {
                    fail(.wrongType, "`Id` must be a string, not \(article(m.value.typeName)).",
                         at: m.value.range, path: "Id")
                }
            case "Statement":
                sawStatement = true
                statements = self.statements(m.value)
            default:
                fail(.unknownField, "unknown top-level field `\(m.key)`; a policy has Version, Id and Statement.",
                     at: m.keyRange, path: m.key)
            }
        }
        if !sawStatement {
            fail(.missingStatement, "Missing required field Statement",
                 "the policy needs a `Statement` element (one statement object or an array of them).",
                 at: SourceRange(at: root.range.start), path: "Statement")
        }
        checkSids(statements)
        return Policy(version: version, versionRange: versionRange, id: id, statements: statements, range: root.range)
    }

    mutating func statements(_ value: JSONValue) -> [Statement] {
        switch value.kind {
        case .object:
            return statement(value, index: 0).map { [$0] } ?? []
        case .array(let elements):
            if elements.isEmpty {
                fail(.emptyList, "`Statement` is an empty array; a policy needs at least one statement.",
                     at: value.range, path: "Statement")
            }
            return elements.enumerated().compactMap { statement($1, index: $0) }
        default:
            fail(.wrongType, "`Statement` must be an object or an array of objects, not \(article(value.typeName)).",
                 at: value.range, path: "Statement")
            return []
        }
    }

    mutating func checkSids(_ statements: [Statement]) {
        var seen: [String: Int] = [:]
        for s in statements {
            guard let sid = s.sid, !sid.isEmpty else { continue }
            if seen[sid] != nil {
                fail(.duplicateSid, "Statement IDs (SID) in a single policy must be unique",
                     "Sid \"\(sid)\" is used by more than one statement.", at: s.range, path: s.path + ".Sid")
            }
            seen[sid] = s.index
        }
    }

    // MARK: Statement

    mutating func statement(_ value: JSONValue, index: Int) -> Statement? {
        let path = "Statement[\(index + 1)]"
        guard let members = members(value, path: path, what: "a statement") else { return nil }
        let errorsBefore = errors.count
        var sid: String?
        var effect: Effect?
        var effectRange = SourceRange(at: value.range.start)
        var principal: PrincipalClause?
        var action: ActionClause?
        var resource: ResourceClause?
        var conditions: [Condition] = []

        for m in members {
            let p = join(path, m.key)
            switch m.key {
            case "Sid":
                guard let s = m.value.stringValue else {
                    fail(.wrongType, "`Sid` must be a string, not \(article(m.value.typeName)).", at: m.value.range, path: p)
                    continue
                }
                if (type == .identity || type == .serviceControl),
                   !s.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) {
                    fail(.invalidSid, "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*",
                         "Sid \"\(s)\" has characters other than ASCII letters and digits.", at: m.value.range, path: p)
                }
                sid = s
            case "Effect":
                effectRange = m.value.range
                if let s = m.value.stringValue, let e = Effect(rawValue: s) {
                    effect = e
                } else {
                    fail(.invalidEffect, "Invalid effect: \(plain(m.value))",
                         "`Effect` must be exactly \"Allow\" or \"Deny\" (case-sensitive); found \(render(m.value)).",
                         at: m.value.range, path: p)
                }
            case "Action", "NotAction":
                if action != nil {
                    fail(.bothActionAndNotAction, "a statement has `Action` or `NotAction`, never both.", at: m.keyRange, path: p)
                    continue
                }
                let patterns = strings(m.value, path: p, element: m.key).map { ActionPattern($0.0, range: $0.1) }
                for a in patterns { checkAction(a, path: p) }
                action = m.key == "Action" ? .action(patterns) : .notAction(patterns)
            case "Resource", "NotResource":
                if type == .trust {
                    fail(.unknownField, "Has prohibited field \(m.key)", "a trust policy does not name resources.",
                         at: m.keyRange, path: p)
                    continue
                }
                if resource != nil {
                    fail(.bothResourceAndNotResource, "a statement has `Resource` or `NotResource`, never both.",
                         at: m.keyRange, path: p)
                    continue
                }
                let patterns = strings(m.value, path: p, element: m.key).map { ResourcePattern($0.0, range: $0.1) }
                for r in patterns { checkResource(r, path: p) }
                resource = m.key == "Resource" ? .resource(patterns) : .notResource(patterns)
            case "Principal", "NotPrincipal":
                if !type.requiresPrincipal {
                    fail(.prohibitedPrincipal, "Policy document should not specify a principal.",
                         "an identity policy applies to whoever it is attached to, so `\(m.key)` is not allowed here.",
                         at: m.keyRange, path: p)
                    continue
                }
                if principal != nil {
                    fail(.bothPrincipalAndNotPrincipal, "a statement has `Principal` or `NotPrincipal`, never both.",
                         at: m.keyRange, path: p)
                    continue
                }
                if let set = principalSet(m.value, path: p) {
                    principal = m.key == "Principal" ? .principal(set) : .notPrincipal(set)
                }
            case "Condition":
                conditions = self.conditions(m.value, path: p)
            default:
                fail(.unknownField, "unknown field `\(m.key)` in a statement; a statement has Sid, Effect, Action/NotAction, Resource/NotResource, Principal/NotPrincipal and Condition.",
                     at: m.keyRange, path: p)
            }
        }
        let start = SourceRange(at: value.range.start)
        if effect == nil && !members.contains(where: { $0.key == "Effect" }) {
            fail(.missingEffect, "Missing required field Effect", "add \"Effect\": \"Allow\" or \"Deny\" to \(path).",
                 at: start, path: path)
        }
        if action == nil && !members.contains(where: { $0.key == "Action" || $0.key == "NotAction" }) {
            fail(.missingAction, "Missing required field Action", "\(path) needs `Action` (or `NotAction`).",
                 at: start, path: path)
        }
        if type.requiresResource && resource == nil
            && !members.contains(where: { $0.key == "Resource" || $0.key == "NotResource" }) {
            fail(.missingResource, "Policy statement must contain resources.",
                 "\(path) needs `Resource` (or `NotResource`).", at: start, path: path)
        }
        if type.requiresPrincipal && principal == nil
            && !members.contains(where: { $0.key == "Principal" || $0.key == "NotPrincipal" }) {
            fail(.missingPrincipal, "Missing required field Principal",
                 "a \(type == .trust ? "trust" : "resource-based") policy statement must name a `Principal`.",
                 at: start, path: path)
        }
        guard errors.count == errorsBefore, let effect, let action else { return nil }
        return Statement(
            index: index, sid: sid, effect: effect, principal: principal, action: action,
            resource: resource, conditions: conditions, range: value.range, effectRange: effectRange)
    }

    /// A string or a non-empty array of strings.
    mutating func strings(_ value: JSONValue, path: String, element: String) -> [(String, SourceRange)] {
        switch value.kind {
        case .string(let s):
            return [(s, value.range)]
        case .array(let elements):
            if elements.isEmpty {
                fail(.emptyList, "`\(element)` is an empty array; it must name at least one entry.",
                     at: value.range, path: path)
            }
            var out: [(String, SourceRange)] = []
            for (i, e) in elements.enumerated() {
                if let s = e.stringValue { out.append((s, e.range)) } else {
                    fail(.wrongType, "`\(element)` entries must be strings; entry \(i + 1) is \(article(e.typeName)).",
                         at: e.range, path: "\(path)[\(i + 1)]")
                }
            }
            return out
        default:
            fail(.wrongType, "`\(element)` must be a string or an array of strings, not \(article(value.typeName)).",
                 at: value.range, path: path)
            return []
        }
    }

    mutating func checkAction(_ a: ActionPattern, path: String) {
        if a.text == "*" { return }
        let colons = a.text.utf8.filter { $0 == UInt8(ascii: ":") }.count
        if colons == 0 {
            fail(.invalidActionFormat, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
                 "`\(a.text)` has no service prefix; write it as `kinesis:\(a.text)`.", at: a.range, path: path)
        } else if colons > 1 {
            fail(.invalidActionFormat, "Actions/Condition can contain only one colon.",
                 "`\(a.text)` has \(colons) colons; an action is `service:Name`.", at: a.range, path: path)
        } else if a.service?.isEmpty ?? true {
            fail(.invalidActionFormat, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
                 "`\(a.text)` has an empty service prefix.", at: a.range, path: path)
        } else if let service = a.service, !service.utf8.allSatisfy(Self.isServiceCharacter) {
            fail(.invalidActionFormat, "Vendor \(service) is not valid",
                 "the service prefix in `\(a.text)` may hold only letters, digits and hyphens (and no wildcards).",
                 at: a.range, path: path)
        }
    }

    private static func isServiceCharacter(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-")
    }

    mutating func checkResource(_ r: ResourcePattern, path: String) {
        // IAM accepts `*` or an ARN; anything deeper (segment counts, services) is the validator's.
        if r.text == "*" || r.text.hasPrefix("arn:") { return }
        fail(.invalidResourceFormat, "Resource \(r.text) must be in ARN format or \"*\".",
             "a resource is `*` or an ARN such as `arn:aws:kinesis:us-east-1:111122223333:stream/orders`.",
             at: r.range, path: path)
    }

    // MARK: Wording

    func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    func article(_ typeName: String) -> String {
        (typeName.first.map { "aeiou".contains($0) } ?? false) ? "an \(typeName)" : "a \(typeName)"
    }

    func render(_ v: JSONValue) -> String {
        switch v.kind {
        case .string(let s): "\"\(s)\""
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }

    func plain(_ v: JSONValue) -> String {
        if case .string(let s) = v.kind { return s }
        return render(v)
    }
}
