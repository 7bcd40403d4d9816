import IAMPolicy

/// A Kinesis data stream: its settings, its shards and everything attached to it.
public struct Stream: Sendable {
    /// The stream's name, unique in its account and region.
    public var name: String
    /// The owning account.
    public var account: String
    /// The region.
    public var region: String
    /// `arn:aws:kinesis:REGION:ACCOUNT:stream/NAME`.
    public var arn: String
    /// The `StreamId` DescribeStreamSummary reports.
    public var streamId: String
    /// When CreateStream was called.
    public var createdAt: Timestamp
    /// The lifecycle state as of now (see ``statusUntil``).
    public var status: StreamStatus
    /// When a transitional state (CREATING, UPDATING, DELETING) ends.
    public var statusUntil: Timestamp?
    /// Capacity mode.
    public var mode: StreamMode
    /// Retention in hours (24 … 8760).
    public var retentionHours: Int
    /// Encryption at rest.
    public var encryption: StreamEncryption
    /// Tags.
    public var tags: [String: String]
    /// The stream's resource-based policy, if any.
    public var resourcePolicy: NamedPolicy?
    /// Shard-level metrics enabled by EnableEnhancedMonitoring.
    public var shardLevelMetrics: Set<String>
    /// The largest record accepted, in KiB (1024 … 10240).
    public var maxRecordSizeKiB: Int
    /// Every shard, open and closed, in index order (a shard's index is its position).
    public var shards: [Shard]
    /// Registered enhanced fan-out consumers.
    public var consumers: [Consumer]
    /// UpdateShardCount calls in the last 24 hours (their times), for the scaling quota.
    public var scalingHistory: [Timestamp]
    /// UpdateStreamMode calls in the last 24 hours (their times), for the mode-change quota.
    public var modeChangeHistory: [Timestamp] = []

    /// Creates a stream in the CREATING state with `shardCount` even shards.
    public init(name: String, account: String, region: String, streamId: String, createdAt: Timestamp,
                shardCount: Int, mode: StreamMode, creatingUntil: Timestamp?, tags: [String: String] = [:],
                maxRecordSizeKiB: Int = 1024) {
        self.name = name
        self.account = account
        self.region = region
        self.arn = "arn:aws:kinesis:\(region):\(account):stream/\(name)"
        self.streamId = streamId
        self.createdAt = createdAt
        self.status = creatingUntil == nil ? .active : .creating
        self.statusUntil = creatingUntil
        self.mode = mode
        self.retentionHours = 24
        self.encryption = .none
        self.tags = tags
        self.resourcePolicy = nil
        self.shardLevelMetrics = []
        self.maxRecordSizeKiB = maxRecordSizeKiB
        self.shards = HashKeyRange.even(count: shardCount).enumerated().map {
            Shard(index: $0.offset, hashKeyRange: $0.element, createdAt: createdAt)
        }
        self.consumers = []
        self.scalingHistory = []
    }

    /// The shards that take writes.
    public var openShards: [Shard] { shards.filter(\.isOpen) }

    /// The shard with id `shardId`, if the stream has it.
    public func shardIndex(of shardId: String) -> Int? {
        guard shardId.hasPrefix("shardId-"), let n = Int(shardId.dropFirst(8)), n >= 0, n < shards.count,
              Shard.id(n) == shardId else { return nil }
        return n
    }
}

extension Stream {
    /// Runs `body` on the stream itself, for callers that reach it through optional chaining.
    mutating func inPlace(_ body: (inout Stream) -> Void) {
        body(&self)
    }
}
