/// One test of a `Condition` block: an operator applied to one context key and its values.
///
/// `"Condition": {"StringEquals": {"a": "1", "b": ["2", "3"]}}` flattens to two
/// conditions; the statement applies only when every one of them holds.
public struct Condition: Sendable, Equatable {
    /// The operator, parsed.
    public var op: ConditionOperator
    /// The context key as written (`aws:SourceVpce`); compare it case-insensitively.
    public var key: String
    /// The values: several values of one key are ORed (NORed for negated operators).
    public var values: [ConditionValue]
    /// Where the operator's name sits.
    public var operatorRange: SourceRange
    /// Where the key sits.
    public var keyRange: SourceRange
    /// The span from the key to the end of its values.
    public var range: SourceRange

    /// Creates a condition.
    public init(
        op: ConditionOperator, key: String, values: [ConditionValue],
        operatorRange: SourceRange, keyRange: SourceRange, range: SourceRange
    ) {
        self.op = op
        self.key = key
        self.values = values
        self.operatorRange = operatorRange
        self.keyRange = keyRange
        self.range = range
    }

    /// The key lower-cased: IAM matches condition key names case-insensitively.
    public var normalizedKey: String { key.lowercased() }
}

/// One value of a condition, in the string form IAM compares (`false` and `"false"` are alike).
public struct ConditionValue: Sendable, Equatable {
    /// The value as text.
    public var text: String
    /// The JSON type it was written as.
    public var writtenAs: WrittenType
    /// Where it sits.
    public var range: SourceRange

    /// Creates a value.
    public init(_ text: String, writtenAs: WrittenType = .string, range: SourceRange) {
        self.text = text
        self.writtenAs = writtenAs
        self.range = range
    }

    /// The JSON types a condition value may be written as.
    public enum WrittenType: Sendable, Equatable {
        case string, number, boolean
    }
}
