/// The request context: the values of the condition keys a request carries.
///
/// Keys are matched case-insensitively, as IAM does; values keep their case.
public struct RequestContext: Sendable, Equatable {
    @usableFromInline var entries: [String: ContextValue]

    /// An empty context.
    public init() {
        entries = [:]
    }

    /// A context holding `values`, keyed by context key name (any case).
    public init(_ values: [String: ContextValue]) {
        entries = [:]
        for (k, v) in values { entries[k.lowercased()] = v }
    }

    /// The value for `key` (any case).
    public subscript(key: String) -> ContextValue? {
        get { entries[key.lowercased()] }
        set { entries[key.lowercased()] = newValue }
    }

    /// Sets a single string value.
    public mutating func set(_ key: String, _ value: String, type: ContextKeyType = .string) {
        entries[key.lowercased()] = ContextValue(type: type, values: [value])
    }

    /// The value for an already lower-cased key (the hot path).
    @inlinable
    public func value(forNormalizedKey key: String) -> ContextValue? {
        entries[key]
    }

    /// Every key present, lower-cased, sorted.
    public var keys: [String] { entries.keys.sorted() }

    /// Whether no key is present.
    public var isEmpty: Bool { entries.isEmpty }
}

/// One context key's value(s) and their declared type.
public struct ContextValue: Sendable, Equatable {
    /// The declared type (SimulateCustomPolicy's `ContextKeyType`).
    public var type: ContextKeyType
    /// The values as text; a single-valued key holds one.
    public var values: [String]

    /// Creates a value.
    public init(type: ContextKeyType, values: [String]) {
        self.type = type
        self.values = values
    }

    /// A single string.
    public static func string(_ s: String) -> ContextValue { ContextValue(type: .string, values: [s]) }
    /// A single boolean.
    public static func boolean(_ b: Bool) -> ContextValue { ContextValue(type: .boolean, values: [b ? "true" : "false"]) }
    /// A list of strings (a multivalued key such as `aws:TagKeys`).
    public static func stringList(_ s: [String]) -> ContextValue { ContextValue(type: .stringList, values: s) }
}

/// SimulateCustomPolicy's context key types.
public enum ContextKeyType: String, Sendable, Equatable, CaseIterable {
    case string, stringList, numeric, numericList, boolean, booleanList
    case ip, ipList, binary, binaryList, date, dateList

    /// Whether the type is multivalued (`...List`).
    public var isList: Bool { rawValue.hasSuffix("List") }
}
