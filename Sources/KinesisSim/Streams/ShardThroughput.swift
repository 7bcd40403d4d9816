/// One shard's throughput budgets (AWS's per-shard limits): writes 1 MiB/s and 1,000
/// records/s; reads 5 GetRecords calls/s and 2 MiB/s (a large read runs into debt that
/// later calls wait out); GetShardIterator 5 calls/s.
public struct ShardThroughput: Sendable {
    /// Bytes per second a shard accepts.
    public static let writeBytesPerSecond: Int64 = 1_048_576
    /// Records per second a shard accepts.
    public static let writeRecordsPerSecond: Int64 = 1_000
    /// Bytes per second a shard serves to GetRecords.
    public static let readBytesPerSecond: Int64 = 2_097_152
    /// GetRecords calls per second per shard.
    public static let readCallsPerSecond: Int64 = 5
    /// GetShardIterator calls per second per shard.
    public static let iteratorCallsPerSecond: Int64 = 5

    var writeRecords = TokenBucket()
    var writeBytes = TokenBucket()
    var readCalls = TokenBucket()
    var readBytes = TokenBucket()
    var iteratorCalls = TokenBucket()

    /// Creates full budgets.
    public init() {}

    /// Admits one record of `size` bytes if both write budgets allow it, and charges them.
    mutating func admitWrite(size: Int, now: Int64) -> Bool {
        let bytes = Int64(size)
        guard writeBytes.has(bytes, now: now, rate: Self.writeBytesPerSecond, burst: Self.writeBytesPerSecond),
              writeRecords.take(1, now: now, rate: Self.writeRecordsPerSecond, burst: Self.writeRecordsPerSecond)
        else { return false }
        _ = writeBytes.take(bytes, now: now, rate: Self.writeBytesPerSecond, burst: Self.writeBytesPerSecond)
        return true
    }

    /// Admits one GetRecords call if the call budget allows and the byte budget is not in debt.
    mutating func admitRead(now: Int64) -> Bool {
        guard readBytes.isPositive(now: now, rate: Self.readBytesPerSecond, burst: Self.readBytesPerSecond) else { return false }
        return readCalls.take(1, now: now, rate: Self.readCallsPerSecond, burst: Self.readCallsPerSecond)
    }

    /// Charges `bytes` returned by GetRecords to the read budget.
    mutating func chargeRead(bytes: Int, now: Int64) {
        readBytes.charge(Int64(bytes), now: now, rate: Self.readBytesPerSecond, burst: Self.readBytesPerSecond)
    }

    /// Admits one GetShardIterator call.
    mutating func admitIteratorCall(now: Int64) -> Bool {
        iteratorCalls.take(1, now: now, rate: Self.iteratorCallsPerSecond, burst: Self.iteratorCallsPerSecond)
    }
}
