/// The request context: the values of the condition keys a request carries.
///
/// Keys are matched case-insensitively, as IAM does; values keep their case. A request has
/// a handful of keys, so they are kept in a small array and found by a linear scan, which
/// beats hashing on the evaluator's hot path.
public struct RequestContext: Sendable, Equatable {
    /// `(lower-cased key, value)` pairs, one per key.
    @usableFromInline var entries: [(key: String, value: ContextValue)]

    /// An empty context.
    public init() {
        entries = []
    }

    /// A context holding `values`, keyed by context key name (any case).
    public init(_ values: [String: ContextValue]) {
        entries = []
        for (k, v) in values.sorted(by: { $0.key < $1.key }) { self[k] = v }
    }

    /// The value for `key` (any case).
    public subscript(key: String) -> ContextValue? {
        get { value(forNormalizedKey: key.lowercased()) }
        set { set(normalizedKey: key.lowercased(), newValue) }
    }

    /// Sets (or with `nil` removes) the value of a key already in lower case, without
    /// folding it again: for callers that build contexts on a hot path from fixed keys.
    public mutating func set(normalizedKey k: String, _ newValue: ContextValue?) {
        if let i = entries.firstIndex(where: { $0.key == k }) {
            if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
        } else if let newValue {
            entries.append((k, newValue))
        }
    }

    /// Sets a single value.
    public mutating func set(_ key: String, _ value: String, type: ContextKeyType = .string) {
        self[key] = ContextValue(type: type, values: [value])
    }

    /// The value for an already lower-cased key (the hot path).
    @inlinable
    public func value(forNormalizedKey key: String) -> ContextValue? {
        for e in entries where e.key == key { return e.value }
        return nil
    }

    /// Every key present, lower-cased, sorted.
    public var keys: [String] { entries.map(\.key).sorted() }

    /// Whether no key is present.
    public var isEmpty: Bool { entries.isEmpty }

    /// Equal when both hold the same keys with the same values.
    public static func == (a: RequestContext, b: RequestContext) -> Bool {
        a.entries.count == b.entries.count && a.entries.allSatisfy { e in b.value(forNormalizedKey: e.key) == e.value }
    }
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
