/// The value type of a condition key, as the Service Authorization Reference spells it.
public enum ConditionKeyType: String, Sendable, Hashable, CaseIterable {
    /// `String`.
    case string = "String"
    /// `Numeric`.
    case numeric = "Numeric"
    /// `Bool`.
    case bool = "Bool"
    /// `Date`.
    case date = "Date"
    /// `ARN`.
    case arn = "ARN"
    /// `IPAddress`.
    case ipAddress = "IPAddress"
    /// `Binary`.
    case binary = "Binary"
    /// `ArrayOfString`: multivalued.
    case arrayOfString = "ArrayOfString"
    /// `ArrayOfARN`: multivalued.
    case arrayOfARN = "ArrayOfARN"
    /// `ArrayOfNumeric`: multivalued.
    case arrayOfNumeric = "ArrayOfNumeric"
    /// `ArrayOfBool`: multivalued.
    case arrayOfBool = "ArrayOfBool"
    /// `ArrayOfDate`: multivalued.
    case arrayOfDate = "ArrayOfDate"
    /// `ArrayOfIPAddress`: multivalued.
    case arrayOfIPAddress = "ArrayOfIPAddress"
    /// `ArrayOfBinary`: multivalued.
    case arrayOfBinary = "ArrayOfBinary"

    /// Whether the key carries a set of values, so conditions on it need a
    /// `ForAllValues:` / `ForAnyValue:` qualifier.
    public var isMultivalued: Bool {
        switch self {
        case .arrayOfString, .arrayOfARN, .arrayOfNumeric, .arrayOfBool, .arrayOfDate,
             .arrayOfIPAddress, .arrayOfBinary:
            return true
        case .string, .numeric, .bool, .date, .arn, .ipAddress, .binary:
            return false
        }
    }

    /// The type of one element: `.string` for `.arrayOfString`, `self` for single-valued types.
    public var elementType: ConditionKeyType {
        switch self {
        case .arrayOfString: return .string
        case .arrayOfARN: return .arn
        case .arrayOfNumeric: return .numeric
        case .arrayOfBool: return .bool
        case .arrayOfDate: return .date
        case .arrayOfIPAddress: return .ipAddress
        case .arrayOfBinary: return .binary
        case .string, .numeric, .bool, .date, .arn, .ipAddress, .binary: return self
        }
    }

    /// Parses AWS's spelling (exact, then case-insensitively); `nil` when unknown.
    public init?(awsName: String) {
        if let exact = ConditionKeyType(rawValue: awsName) {
            self = exact
            return
        }
        let lowered = awsName.lowercased()
        guard let found = ConditionKeyType.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else {
            return nil
        }
        self = found
    }
}
