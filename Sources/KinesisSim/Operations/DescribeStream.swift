import IAMPolicy

/// `DescribeStream`'s input.
public struct DescribeStreamInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `Limit`: shards per page (1 … 10000, default 100).
    public var limit: Int?
    /// `ExclusiveStartShardId`: list shards after this one.
    public var exclusiveStartShardId: String?

    /// Creates an input.
    public init(_ target: StreamTarget, limit: Int? = nil, exclusiveStartShardId: String? = nil) {
        self.target = target
        self.limit = limit
        self.exclusiveStartShardId = exclusiveStartShardId
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        v.check(limit, at: "limit", range: 1...10_000)
        v.check(exclusiveStartShardId, at: "exclusiveStartShardId", length: 1...128, pattern: .shardId)
        try v.throwIfAny()
    }
}

/// `DescribeStream`'s output (`StreamDescription`).
public struct StreamDescription: Sendable, Equatable {
    /// `StreamName`.
    public var streamName: String
    /// `StreamARN`.
    public var streamARN: String
    /// `StreamStatus`.
    public var streamStatus: StreamStatus
    /// `StreamModeDetails.StreamMode`.
    public var streamMode: StreamMode
    /// One page of shards, in index order.
    public var shards: [ShardDescription]
    /// Whether shards follow this page (page on with the last ShardId).
    public var hasMoreShards: Bool
    /// `RetentionPeriodHours`.
    public var retentionPeriodHours: Int
    /// `StreamCreationTimestamp`.
    public var streamCreationTimestamp: Timestamp
    /// `EnhancedMonitoring[0].ShardLevelMetrics`, sorted.
    public var enhancedMonitoring: [String]
    /// `EncryptionType`: `NONE` or `KMS`.
    public var encryptionType: String
    /// `KeyId`, when encrypted.
    public var keyId: String?
}

extension KinesisWorld {
    /// `DescribeStream`: the stream and one page of its shards (open ones, and closed ones
    /// until their data ages out). The shard list is empty while the stream is CREATING.
    public func describeStream(_ input: DescribeStreamInput, as caller: Caller) throws(KinesisError) -> StreamDescription {
        try input.validate()
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:DescribeStream", stream: ref)
        let s = try existingStream(ref)
        var listed = s.listedShards(now: now)
        // Shard ids are zero-padded, so their text order is their index order.
        if let start = input.exclusiveStartShardId { listed.removeAll { $0.id <= start } }
        let limit = input.limit ?? 100
        return StreamDescription(
            streamName: s.name, streamARN: s.arn, streamStatus: s.status, streamMode: s.mode,
            shards: listed.prefix(limit).map { ShardDescription($0, in: s) }, hasMoreShards: listed.count > limit,
            retentionPeriodHours: s.retentionHours, streamCreationTimestamp: s.createdAt,
            enhancedMonitoring: s.shardLevelMetrics.sorted(), encryptionType: s.encryption.typeName,
            keyId: { if case .kms(let k) = s.encryption { return k } else { return nil } }())
    }
}
