/// The sequence-number range of each shard, as DescribeStream and ListShards report it.
extension Stream {
    /// The shard's `StartingSequenceNumber`: below every record the shard holds.
    public func startingSequenceNumber(ofShard index: Int) -> SequenceNumber {
        SequenceNumber(streamCreatedAt: createdAt.milliseconds, shardIndex: index,
                       arrival: shards[index].createdAt.milliseconds, counter: 0)
    }

    /// The shard's `EndingSequenceNumber`: `nil` while the shard is open; once closed, at or
    /// above every record the shard holds (it takes the last counter at the closing time).
    public func endingSequenceNumber(ofShard index: Int) -> SequenceNumber? {
        guard let closedAt = shards[index].closedAt else { return nil }
        return SequenceNumber(streamCreatedAt: createdAt.milliseconds, shardIndex: index,
                              arrival: closedAt.milliseconds, counter: shards[index].nextCounter - 1)
    }

    /// The sequence number of the record at `position` (an index into the shard's log).
    func sequenceNumber(shard index: Int, entry position: Int) -> SequenceNumber {
        let e = shards[index].records.entries[position]
        return SequenceNumber(streamCreatedAt: createdAt.milliseconds, shardIndex: index, arrival: e.arrival,
                              counter: e.counter)
    }
}
