/// A resource type one action can act on: a row of the action's table in the Service
/// Authorization Reference.
public struct ActionResourceType: Sendable, Hashable {
    /// The resource type name, as in `ServiceDefinition.resourceTypes` (`stream`, `kmsKey`).
    public var name: String
    /// Whether the action always needs this resource (AWS marks it with `*`).
    public var required: Bool
    /// Condition keys that apply when the action acts on this resource type.
    public var conditionKeys: [String]
    /// Other actions this one needs when acting on this resource type (`kms:ReplicateKey`).
    public var dependentActions: [String]

    /// Creates a resource-type entry.
    public init(name: String, required: Bool, conditionKeys: [String] = [], dependentActions: [String] = []) {
        self.name = name
        self.required = required
        self.conditionKeys = conditionKeys
        self.dependentActions = dependentActions
    }
}
