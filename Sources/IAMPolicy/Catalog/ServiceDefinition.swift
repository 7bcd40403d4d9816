/// One AWS service's authorization details: its actions, resource types and condition keys.
public struct ServiceDefinition: Sendable, Hashable {
    /// The service prefix used in actions, lower case (`kinesis`).
    public let prefix: String
    /// The display name (`Amazon Kinesis Data Streams`).
    public let name: String
    /// The actions, in catalog (alphabetical) order.
    public let actions: [ActionDefinition]
    /// The resource types with their ARN patterns.
    public let resourceTypes: [ResourceTypeDefinition]
    /// The condition keys with their types.
    public let conditionKeys: [ConditionKeyDefinition]

    /// Creates a service definition.
    public init(
        prefix: String, name: String, actions: [ActionDefinition],
        resourceTypes: [ResourceTypeDefinition], conditionKeys: [ConditionKeyDefinition]
    ) {
        self.prefix = prefix
        self.name = name
        self.actions = actions
        self.resourceTypes = resourceTypes
        self.conditionKeys = conditionKeys
    }

    /// The action named `name` (without prefix), case-insensitively.
    public func action(named name: String) -> ActionDefinition? {
        let lowered = name.lowercased()
        return actions.first { $0.name.lowercased() == lowered }
    }

    /// The resource type named `name`, case-insensitively (`stream`, `kmsKey`).
    public func resourceType(named name: String) -> ResourceTypeDefinition? {
        let lowered = name.lowercased()
        return resourceTypes.first { $0.name.lowercased() == lowered }
    }

    /// The condition key definition `name` (as written in a policy) falls under, if any:
    /// an exact key first, then one with `${...}` parts (`aws:ResourceTag/team`).
    public func conditionKey(_ name: String) -> ConditionKeyDefinition? {
        let lowered = name.lowercased()
        if let exact = conditionKeys.first(where: { $0.key.lowercased() == lowered }) {
            return exact
        }
        return conditionKeys.first { $0.key.contains("${") && $0.matches(name) }
    }
}
