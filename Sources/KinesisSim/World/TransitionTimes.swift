/// How long the world's lifecycle transitions last: a stream CREATING, UPDATING (resharding,
/// encryption and mode changes) and DELETING, and a consumer CREATING and DELETING. Zero
/// makes a transition instant. Part of ``WorldSettings``; `kdslab serve --transitions`
/// picks one for the whole world.
public struct TransitionTimes: Sendable, Equatable {
    /// How long a new stream stays CREATING.
    public var creatingMilliseconds: Int64
    /// How long a change keeps a stream UPDATING.
    public var updatingMilliseconds: Int64
    /// How long a deleted stream stays DELETING before it is gone.
    public var deletingMilliseconds: Int64
    /// How long a consumer stays CREATING, and DELETING once deregistered.
    public var consumerMilliseconds: Int64

    /// Creates transition times.
    public init(creatingMilliseconds: Int64, updatingMilliseconds: Int64, deletingMilliseconds: Int64,
                consumerMilliseconds: Int64) {
        self.creatingMilliseconds = creatingMilliseconds
        self.updatingMilliseconds = updatingMilliseconds
        self.deletingMilliseconds = deletingMilliseconds
        self.consumerMilliseconds = consumerMilliseconds
    }

    /// Every transition immediate: streams are ACTIVE at once and gone at once.
    public static let instant = TransitionTimes.uniform(milliseconds: 0)

    /// Every transition lasting `milliseconds`.
    public static func uniform(milliseconds: Int64) -> TransitionTimes {
        TransitionTimes(creatingMilliseconds: milliseconds, updatingMilliseconds: milliseconds,
                        deletingMilliseconds: milliseconds, consumerMilliseconds: milliseconds)
    }

    /// Whether every transition is immediate.
    public var isInstant: Bool { self == .instant }
}

extension WorldSettings {
    /// The four transition durations as one value.
    public var transitions: TransitionTimes {
        get {
            TransitionTimes(creatingMilliseconds: creatingMilliseconds, updatingMilliseconds: updatingMilliseconds,
                            deletingMilliseconds: deletingMilliseconds, consumerMilliseconds: consumerCreatingMilliseconds)
        }
        set {
            creatingMilliseconds = newValue.creatingMilliseconds
            updatingMilliseconds = newValue.updatingMilliseconds
            deletingMilliseconds = newValue.deletingMilliseconds
            consumerCreatingMilliseconds = newValue.consumerMilliseconds
        }
    }
}
