import IAMPolicy

/// `DescribeStreamSummary`'s output: everything DescribeStream says except the shard list.
public struct StreamDescriptionSummary: Sendable, Equatable {
    public var streamName: String
    public var streamARN: String
    public var streamStatus: StreamStatus
    public var streamMode: StreamMode
    public var retentionPeriodHours: Int
    public var streamCreationTimestamp: Timestamp
    public var enhancedMonitoring: [String]
    public var encryptionType: String
    public var keyId: String?
    public var openShardCount: Int
    public var consumerCount: Int
    public var streamId: String
    public var maxRecordSizeInKiB: Int
}

extension KinesisWorld {
    /// `DescribeStreamSummary`.
    public func describeStreamSummary(_ target: StreamTarget, as caller: Caller) throws(KinesisError) -> StreamDescriptionSummary {
        var v = ValidationErrors()
        target.validate(into: &v)
        try v.throwIfAny()
        let ref = try resolve(target, for: caller)
        try authorize(caller, "kinesis:DescribeStreamSummary", stream: ref)
        let s = try existingStream(ref)
        return StreamDescriptionSummary(
            streamName: s.name, streamARN: s.arn, streamStatus: s.status, streamMode: s.mode,
            retentionPeriodHours: s.retentionHours, streamCreationTimestamp: s.createdAt,
            enhancedMonitoring: s.shardLevelMetrics.sorted(), encryptionType: s.encryption.typeName,
            keyId: { if case .kms(let k) = s.encryption { return k } else { return nil } }(),
            openShardCount: s.status == .creating ? 0 : s.openShards.count,
            consumerCount: s.consumers.count, streamId: s.streamId, maxRecordSizeInKiB: s.maxRecordSizeKiB)
    }
}
