/// One `ContextEntries` member of a simulation: a key, its values and their type.
public struct ContextEntry: Sendable, Equatable {
    /// `ContextKeyName`.
    public var name: String
    /// `ContextKeyValues`.
    public var values: [String]
    /// `ContextKeyType`.
    public var type: ContextKeyType

    /// Creates an entry.
    public init(name: String, values: [String], type: ContextKeyType) {
        self.name = name
        self.values = values
        self.type = type
    }
}
