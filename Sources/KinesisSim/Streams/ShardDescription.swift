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

    /// Describes `shard`.
    init(_ shard: Shard) {
        shardId = shard.id
        parentShardId = shard.parentIndex.map(Shard.id)
        adjacentParentShardId = shard.adjacentParentIndex.map(Shard.id)
        hashKeyRange = shard.hashKeyRange
        let range = sequenceNumberRange(of: shard)
        startingSequenceNumber = range.starting
        endingSequenceNumber = range.ending
    }
}

// PLACEHOLDER: the sequence-number scheme belongs to Streams/SequenceNumbers.swift (branch
// `records`). Every SequenceNumberRange this branch reports comes from this one function, so
// unifying the two is a one-line change here.
/// A shard's `SequenceNumberRange`: the start below every record, the end (closed shards
/// only) at or above every record.
func sequenceNumberRange(of shard: Shard) -> (starting: String, ending: String?) {
    (startingSequenceNumber(shardCreatedAt: shard.createdAt, shardIndex: shard.index),
     shard.closedAt.map { endingSequenceNumber(shardClosedAt: $0, shardIndex: shard.index) })
}

/// Placeholder: creation time (ms) in the high 64 bits, the shard index above 40 low zero bits.
func startingSequenceNumber(shardCreatedAt: Timestamp, shardIndex: Int) -> String {
    String(placeholderSequenceBase(shardCreatedAt, shardIndex))
}

/// Placeholder: closing time (ms) in the high 64 bits, the shard index, then all ones.
func endingSequenceNumber(shardClosedAt: Timestamp, shardIndex: Int) -> String {
    let lowOnes: UInt128 = (1 << 40) - 1
    return String(placeholderSequenceBase(shardClosedAt, shardIndex) | lowOnes)
}

private func placeholderSequenceBase(_ time: Timestamp, _ shardIndex: Int) -> UInt128 {
    let high = UInt128(UInt64(max(0, time.milliseconds))) << 64
    let middle = UInt128(UInt32(truncatingIfNeeded: shardIndex)) << 40
    return high | middle
}
