/// A JSON value as read from a learner's text, with the span it came from.
///
/// Objects keep their members in document order, duplicates included, so the policy
/// parser can report a duplicated key where IAM would.
public struct JSONValue: Sendable, Equatable {
    /// What the value is.
    public var kind: Kind
    /// Where the value sits in the text (for strings, the quotes included).
    public var range: SourceRange

    /// Creates a value.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The kinds of JSON value.
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// A number, kept as its literal text (`1e3`, `-0.50`) so nothing is lost to rounding.
        case number(String)
        case string(String)
        case array([JSONValue])
        case object([JSONMember])
    }

    /// The JSON type's name, as messages print it (`string`, `object`, ...).
    public var typeName: String {
        switch kind {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The string, when the value is one.
    public var stringValue: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    /// The members, when the value is an object.
    public var members: [JSONMember]? {
        if case .object(let m) = kind { return m }
        return nil
    }

    /// The elements, when the value is an array.
    public var elements: [JSONValue]? {
        if case .array(let e) = kind { return e }
        return nil
    }

    /// The first member named `key` (exact, case-sensitive), when the value is an object.
    public subscript(key: String) -> JSONValue? {
        members?.first(where: { $0.key == key })?.value
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    /// The member's name, unescaped.
    public var key: String
    /// Where the key (with its quotes) sits.
    public var keyRange: SourceRange
    /// The member's value.
    public var value: JSONValue

    /// Creates a member.
    public init(key: String, keyRange: SourceRange, value: JSONValue) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}
