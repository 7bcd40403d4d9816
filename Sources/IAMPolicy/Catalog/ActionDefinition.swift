/// One IAM action of a service, such as `kinesis:PutRecord`.
public struct ActionDefinition: Sendable, Hashable {
    /// The service prefix, lower case (`kinesis`).
    public let servicePrefix: String
    /// The action name as AWS spells it (`PutRecord`); policies match it case-insensitively.
    public let name: String
    /// `prefix:Name`, as AWS spells it (`kinesis:PutRecord`).
    public let fullName: String
    /// The access level.
    public let accessLevel: AccessLevel
    /// The resource types the action can be scoped to; empty when it supports no
    /// resource-level permissions.
    public let resourceTypes: [ActionResourceType]
    /// Whether policies must grant it with `"Resource": "*"` (no resource types).
    public let requiresWildcardResource: Bool
    /// Condition keys from the action's row that names no resource type.
    public let conditionKeys: [String]
    /// Other actions the action needs (`kms:CreateKey` needs `kms:PutKeyPolicy`, ...).
    public let dependentActions: [String]
    /// The API reference page.
    public let documentationURL: String

    /// Creates an action; `fullName` is `servicePrefix:name`.
    public init(
        servicePrefix: String, name: String, accessLevel: AccessLevel,
        resourceTypes: [ActionResourceType], requiresWildcardResource: Bool,
        conditionKeys: [String] = [], dependentActions: [String] = [], documentationURL: String = ""
    ) {
        self.servicePrefix = servicePrefix
        self.name = name
        self.fullName = servicePrefix + ":" + name
        self.accessLevel = accessLevel
        self.resourceTypes = resourceTypes
        self.requiresWildcardResource = requiresWildcardResource
        self.conditionKeys = conditionKeys
        self.dependentActions = dependentActions
        self.documentationURL = documentationURL
    }

    /// Whether a statement can scope the action to particular resources (it has resource types).
    public var supportsResourceLevelPermissions: Bool { !resourceTypes.isEmpty }

    /// The names of the action's resource types, in catalog order (`["kmsKey", "stream"]`).
    public var resourceTypeNames: [String] { resourceTypes.map(\.name) }

    /// The resource types the action always needs.
    public var requiredResourceTypeNames: [String] { resourceTypes.filter(\.required).map(\.name) }

    /// Every condition key that can apply: the action's own, then each resource type's, de-duplicated.
    public var allConditionKeys: [String] {
        var seen = Set<String>()
        var keys: [String] = []
        for key in conditionKeys + resourceTypes.flatMap(\.conditionKeys) where seen.insert(key).inserted {
            keys.append(key)
        }
        return keys
    }
}
