/// The knobs a lab or test sets on its world: how long transitions take, and the quotas.
public struct WorldSettings: Sendable, Equatable {
    /// How long a new stream stays CREATING (AWS: seconds; kinesalite: 500 ms).
    public var creatingMilliseconds: Int64 = 300
    /// How long resharding, encryption and mode changes keep a stream UPDATING.
    public var updatingMilliseconds: Int64 = 300
    /// How long DeleteStream keeps a stream DELETING before it is gone.
    public var deletingMilliseconds: Int64 = 300
    /// How long a new consumer stays CREATING.
    public var consumerCreatingMilliseconds: Int64 = 300
    /// How long an iterator stays valid (AWS: 5 minutes).
    public var iteratorLifetimeMilliseconds: Int64 = 300_000
    /// How long a ListShards / ListStreamConsumers NextToken stays valid (AWS: 300 s).
    public var nextTokenLifetimeMilliseconds: Int64 = 300_000
    /// Open shards allowed per account and region (AWS: 500 in the large regions).
    public var shardLimit: Int = 500
    /// On-demand streams allowed per account and region.
    public var onDemandStreamLimit: Int = 50
    /// Consumers allowed per stream.
    public var consumersPerStream: Int = 20
    /// Whether per-shard write and read limits are enforced.
    public var enforceThroughputLimits: Bool = true

    /// Creates settings with AWS-like defaults.
    public init() {}

    /// Every transition immediate: what most labs want.
    public static var instant: WorldSettings {
        var s = WorldSettings()
        s.creatingMilliseconds = 0
        s.updatingMilliseconds = 0
        s.deletingMilliseconds = 0
        s.consumerCreatingMilliseconds = 0
        return s
    }
}
