import IAMPolicy

/// Reads typed members out of a JSON object, naming the path of whatever is wrong.
struct JSONFields {
    /// The object's members.
    let value: JSONValue
    /// Where the object sits, e.g. `labs.iam-101`.
    let path: String

    /// Wraps `value`, which must be an object.
    init(_ value: JSONValue, path: String) throws(ProgressFormatError) {
        guard value.members != nil else {
            throw .wrongShape(path: path.isEmpty ? "(top level)" : path, expected: "an object")
        }
        self.value = value
        self.path = path
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The member `key`, which must be present (any type).
    func required(_ key: String) throws(ProgressFormatError) -> JSONValue {
        guard let v = value[key] else { throw .wrongShape(path: childPath(key), expected: "present") }
        return v
    }

    /// A required whole number.
    func int(_ key: String) throws(ProgressFormatError) -> Int {
        guard let n = try optionalInt(key) else { throw .wrongShape(path: childPath(key), expected: "a whole number") }
        return n
    }

    /// A whole number, or `nil` when absent or `null`.
    func optionalInt(_ key: String) throws(ProgressFormatError) -> Int? {
        guard let v = value[key] else { return nil }
        switch v.kind {
        case .null: return nil
        case .number(let literal):
            if let n = Int(literal) { return n }
        default: break
        }
        throw .wrongShape(path: childPath(key), expected: "a whole number")
    }

    /// A required string.
    func string(_ key: String) throws(ProgressFormatError) -> String {
        guard let s = try required(key).stringValue else { throw .wrongShape(path: childPath(key), expected: "a string") }
        return s
    }

    /// A required Boolean.
    func bool(_ key: String) throws(ProgressFormatError) -> Bool {
        guard case .bool(let b) = try required(key).kind else {
            throw .wrongShape(path: childPath(key), expected: "true or false")
        }
        return b
    }

    /// A Boolean, `false` when absent.
    func optionalBool(_ key: String) throws(ProgressFormatError) -> Bool {
        value[key] == nil ? false : try bool(key)
    }

    /// A required ISO-8601 UTC timestamp.
    func time(_ key: String) throws(ProgressFormatError) -> UTCTimestamp {
        guard let t = try optionalTime(key) else {
            throw .wrongShape(path: childPath(key), expected: "a time such as 2026-11-29T10:15:00Z")
        }
        return t
    }

    /// An ISO-8601 UTC timestamp, or `nil` when absent or `null`.
    func optionalTime(_ key: String) throws(ProgressFormatError) -> UTCTimestamp? {
        guard let v = value[key] else { return nil }
        if case .null = v.kind { return nil }
        guard let s = v.stringValue, let t = UTCTimestamp(iso8601: s) else {
            throw .wrongShape(path: childPath(key), expected: "a time such as 2026-11-29T10:15:00Z")
        }
        return t
    }

    /// Reads `text` as JSON, turning a syntax error into ``ProgressFormatError/notJSON``.
    static func read(_ text: String) throws(ProgressFormatError) -> JSONValue {
        do {
            return try JSONReader(limits: .init(maxBytes: 16 << 20, maxDepth: 16)).read(text)
        } catch {
            throw .notJSON(line: error.position.line, column: error.position.column, message: error.message)
        }
    }
}

extension Optional where Wrapped == Int {
    /// The number, or `null`.
    var json: JSONValue { map { .number($0) } ?? .null }
}

extension Optional where Wrapped == UTCTimestamp {
    /// The ISO-8601 text, or `null`.
    var json: JSONValue { map { .string($0.iso8601) } ?? .null }
}
