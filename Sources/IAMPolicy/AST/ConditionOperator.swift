/// A condition operator: a base operator, an optional set qualifier and an `IfExists` flag.
///
/// `ForAnyValue:StringLikeIfExists` is `.stringLike` qualified by `.forAnyValue` with `ifExists`.
public struct ConditionOperator: Sendable, Equatable, CustomStringConvertible {
    /// The comparison.
    public var base: BaseConditionOperator
    /// `ForAllValues:` / `ForAnyValue:`, for multivalued keys.
    public var qualifier: SetQualifier?
    /// Whether `IfExists` was appended: an absent key then makes the condition true.
    public var ifExists: Bool

    /// Creates an operator.
    public init(base: BaseConditionOperator, qualifier: SetQualifier? = nil, ifExists: Bool = false) {
        self.base = base
        self.qualifier = qualifier
        self.ifExists = ifExists
    }

    /// Parses an operator name as IAM spells it (case-sensitive); `nil` when IAM would not know it.
    public init?(name: String) {
        var rest = Substring(name)
        var qualifier: SetQualifier?
        for q in SetQualifier.allCases where rest.hasPrefix(q.rawValue + ":") {
            qualifier = q
            rest = rest.dropFirst(q.rawValue.count + 1)
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        guard let base = BaseConditionOperator(rawValue: String(rest)) else { return nil }
        // `Null` has no IfExists form.
        if base == .null && ifExists { return nil }
        self.init(base: base, qualifier: qualifier, ifExists: ifExists)
    }

    /// The name as IAM spells it.
    public var description: String {
        (qualifier.map { $0.rawValue + ":" } ?? "") + base.rawValue + (ifExists ? "IfExists" : "")
    }
}

/// `ForAllValues:` or `ForAnyValue:`.
public enum SetQualifier: String, Sendable, Equatable, CaseIterable {
    case forAllValues = "ForAllValues"
    case forAnyValue = "ForAnyValue"
}

/// The comparisons IAM offers.
public enum BaseConditionOperator: String, Sendable, Equatable, CaseIterable {
    case stringEquals = "StringEquals"
    case stringNotEquals = "StringNotEquals"
    case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
    case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
    case stringLike = "StringLike"
    case stringNotLike = "StringNotLike"
    case numericEquals = "NumericEquals"
    case numericNotEquals = "NumericNotEquals"
    case numericLessThan = "NumericLessThan"
    case numericLessThanEquals = "NumericLessThanEquals"
    case numericGreaterThan = "NumericGreaterThan"
    case numericGreaterThanEquals = "NumericGreaterThanEquals"
    case dateEquals = "DateEquals"
    case dateNotEquals = "DateNotEquals"
    case dateLessThan = "DateLessThan"
    case dateLessThanEquals = "DateLessThanEquals"
    case dateGreaterThan = "DateGreaterThan"
    case dateGreaterThanEquals = "DateGreaterThanEquals"
    case bool = "Bool"
    case binaryEquals = "BinaryEquals"
    case ipAddress = "IpAddress"
    case notIpAddress = "NotIpAddress"
    case arnEquals = "ArnEquals"
    case arnLike = "ArnLike"
    case arnNotEquals = "ArnNotEquals"
    case arnNotLike = "ArnNotLike"
    case null = "Null"

    /// The family the operator belongs to, which fixes how values are read.
    public var family: Family {
        switch self {
        case .stringEquals, .stringNotEquals, .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase,
             .stringLike, .stringNotLike: .string
        case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals,
             .numericGreaterThan, .numericGreaterThanEquals: .numeric
        case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals,
             .dateGreaterThan, .dateGreaterThanEquals: .date
        case .bool: .bool
        case .binaryEquals: .binary
        case .ipAddress, .notIpAddress: .ip
        case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike: .arn
        case .null: .null
        }
    }

    /// Whether the operator is a negation: an absent key makes it true, and its values combine as NOR.
    public var isNegated: Bool {
        switch self {
        case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals,
             .dateNotEquals, .notIpAddress, .arnNotEquals, .arnNotLike: true
        default: false
        }
    }

    /// Operator families: each reads its values one way.
    public enum Family: String, Sendable, Equatable {
        case string, numeric, date, bool, binary, ip, arn, null
    }
}
