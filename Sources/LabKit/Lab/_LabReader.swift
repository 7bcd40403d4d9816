import IAMPolicy

/// Reads typed fields out of a lab file's JSON, collecting every problem with its position
/// instead of stopping at the first.
struct _LabReader {
    let file: String
    var problems: [LabProblem] = []

    init(file: String) {
        self.file = file
    }

    mutating func problem(_ message: String, at value: JSONValue?, severity: LabProblem.Severity = .error) {
        let start = value?.range.start
        problems.append(LabProblem(file: file, line: start?.line ?? 0, column: start?.column ?? 0,
                                   message: message, severity: severity))
    }

    mutating func problem(_ message: String, atKeyOf member: JSONMember) {
        problems.append(LabProblem(file: file, line: member.keyRange.start.line, column: member.keyRange.start.column,
                                   message: message))
    }

    /// Reports members of `object` whose names are not in `known` (a typo would otherwise be
    /// silently ignored).
    mutating func rejectUnknownKeys(_ object: JSONValue, known: [String], in context: String) {
        guard let members = object.members else { return }
        var seen: Set<String> = []
        for m in members {
            if !seen.insert(m.key).inserted {
                problem("duplicate key `\(m.key)` in \(context)", atKeyOf: m)
            } else if !known.contains(m.key) {
                let suggestion = known.first { $0.lowercased() == m.key.lowercased() }
                    .map { " (did you mean `\($0)`?)" } ?? ""
                problem("unknown key `\(m.key)` in \(context)\(suggestion)", atKeyOf: m)
            }
        }
    }

    mutating func object(_ value: JSONValue?, _ what: String) -> JSONValue? {
        guard let value else { return nil }
        guard value.members != nil else {
            problem("\(what) must be an object, not \(value.typeName)", at: value)
            return nil
        }
        return value
    }

    mutating func string(_ parent: JSONValue, _ key: String, required: Bool = false, in context: String) -> String? {
        guard let v = parent[key] else {
            if required { problem("\(context) is missing `\(key)`", at: parent) }
            return nil
        }
        guard let s = v.stringValue else {
            problem("`\(key)` must be a string, not \(v.typeName)", at: v)
            return nil
        }
        if required && s.isEmpty { problem("`\(key)` must not be empty", at: v) }
        return s
    }

    mutating func int(_ parent: JSONValue, _ key: String, range: ClosedRange<Int>, in context: String) -> Int? {
        guard let v = parent[key] else { return nil }
        guard case .number(let text) = v.kind, let n = Int(text) else {
            problem("`\(key)` must be a whole number, not \(v.typeName == "number" ? "`\(v.literal)`" : v.typeName)", at: v)
            return nil
        }
        guard range.contains(n) else {
            problem("`\(key)` must be between \(range.lowerBound) and \(range.upperBound), not \(n)", at: v)
            return nil
        }
        return n
    }

    mutating func array(_ parent: JSONValue, _ key: String) -> [JSONValue]? {
        guard let v = parent[key] else { return nil }
        guard let e = v.elements else {
            problem("`\(key)` must be an array, not \(v.typeName)", at: v)
            return nil
        }
        return e
    }

    /// An array of strings; a lone string is accepted as a one-element array.
    mutating func strings(_ parent: JSONValue, _ key: String) -> [String]? {
        guard let v = parent[key] else { return nil }
        if let s = v.stringValue { return [s] }
        guard let e = v.elements else {
            problem("`\(key)` must be a string or an array of strings, not \(v.typeName)", at: v)
            return nil
        }
        var out: [String] = []
        for item in e {
            if let s = item.stringValue { out.append(s) } else { problem("`\(key)` entries must be strings, not \(item.typeName)", at: item) }
        }
        return out
    }

    /// An object of string values (`tags`).
    mutating func stringMap(_ parent: JSONValue, _ key: String) -> [String: String] {
        guard let v = parent[key] else { return [:] }
        guard let members = v.members else {
            problem("`\(key)` must be an object of strings, not \(v.typeName)", at: v)
            return [:]
        }
        var out: [String: String] = [:]
        for m in members {
            if let s = m.value.stringValue { out[m.key] = s } else { problem("`\(key).\(m.key)` must be a string", at: m.value) }
        }
        return out
    }
}

extension JSONValue {
    /// The value as compact JSON text, for messages.
    var literal: String { JSONWriter.string(self.withoutRanges, pretty: false) }
}
