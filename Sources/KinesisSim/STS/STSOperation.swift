/// The STS operations the world performs, by their API names.
public enum STSOperation: String, Sendable, Equatable, CaseIterable {
    case getCallerIdentity = "GetCallerIdentity"
    case assumeRole = "AssumeRole"

    /// Whether a successful call changes the world (and so is journaled): AssumeRole issues
    /// session credentials the world then accepts.
    public var changesState: Bool { self == .assumeRole }
}
