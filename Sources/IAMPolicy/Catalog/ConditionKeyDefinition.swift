/// A condition key a service supports, such as `kms:ViaService` or `aws:ResourceTag/${TagKey}`.
public struct ConditionKeyDefinition: Sendable, Hashable {
    /// The key as AWS writes it; `${...}` marks a variable part (`aws:ResourceTag/${TagKey}`).
    public var key: String
    /// The value type; `.string` when AWS's type name was not recognised (see `rawType`).
    public var type: ConditionKeyType
    /// The type exactly as the catalog spelled it (equals `type.rawValue` for known types).
    public var rawType: String
    /// AWS's one-line description.
    public var description: String

    /// Creates a definition; `rawType` defaults to `type.rawValue`.
    public init(key: String, type: ConditionKeyType, rawType: String? = nil, description: String = "") {
        self.key = key
        self.type = type
        self.rawType = rawType ?? type.rawValue
        self.description = description
    }

    /// Creates a definition from AWS's type name; unknown names become `.string`, keeping the spelling.
    public init(key: String, awsType: String, description: String = "") {
        self.init(key: key, type: ConditionKeyType(awsName: awsType) ?? .string, rawType: awsType,
                  description: description)
    }

    /// Whether the key is multivalued (`ArrayOf...`).
    public var isMultivalued: Bool { type.isMultivalued }

    /// Whether `name` (as written in a policy) is this key: case-insensitive, and a `${...}`
    /// part matches one or more characters (`aws:ResourceTag/team` is `aws:ResourceTag/${TagKey}`).
    public func matches(_ name: String) -> Bool {
        guard key.contains("${") else {
            return key.lowercased() == name.lowercased()
        }
        return PlaceholderPattern(key, arnSegments: false).matches(name, caseInsensitive: true)
    }
}
