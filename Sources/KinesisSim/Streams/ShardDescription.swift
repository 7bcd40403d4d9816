/// One shard as DescribeStream and ListShards report it.
public struct ShardDescription: Sendable, Equatable {
    /// `ShardId`.
    public var shardId: String
    /// `ParentShardId`: the shard it was split from, or the first of the two it was merged from.
    public var parentShardId: String?
    /// `AdjacentParentShardId`: the second parent of a merge.
    public var adjacentParentShardId: String?
    /// `HashKeyRange`.
    public var hashKeyRange: HashKeyRange
    /// `SequenceNumberRange.StartingSequenceNumber`.
    public var startingSequenceNumber: String
    /// `SequenceNumberRange.EndingSequenceNumber`: present once the shard is closed.
    public var endingSequenceNumber: String?

    /// `HashKeyRange.StartingHashKey` as the wire sends it (a decimal string).
    public var startingHashKey: String { String(hashKeyRange.start) }
    /// `HashKeyRange.EndingHashKey` as the wire sends it (a decimal string).
    public var endingHashKey: String { String(hashKeyRange.end) }

    /// Describes `shard` of `stream`.
    init(_ shard: Shard, in stream: Stream) {
        shardId = shard.id
        parentShardId = shard.parentIndex.map(Shard.id)
        adjacentParentShardId = shard.adjacentParentIndex.map(Shard.id)
        hashKeyRange = shard.hashKeyRange
        startingSequenceNumber = stream.startingSequenceNumber(ofShard: shard.index).description
        endingSequenceNumber = stream.endingSequenceNumber(ofShard: shard.index)?.description
    }
}
