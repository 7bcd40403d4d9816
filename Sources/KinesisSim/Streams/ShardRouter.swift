/// Finds the open shard that owns a hash key: the open shards' ranges, sorted, searched by
/// bisection.
// INVARIANT: the open shards' ranges are disjoint and together cover 0 … 2^128 − 1.
struct ShardRouter {
    private var starts: [UInt128] = []
    private var ends: [UInt128] = []
    private var indexes: [Int] = []

    /// A router over `stream`'s open shards.
    init(_ stream: Stream) {
        // Only ranges are gathered: no shard (and so no record log) is retained.
        var open: [(range: HashKeyRange, index: Int)] = []
        for i in stream.shards.indices where stream.shards[i].closedAt == nil {
            open.append((stream.shards[i].hashKeyRange, i))
        }
        open.sort { $0.range.start < $1.range.start }
        starts = open.map(\.range.start)
        ends = open.map(\.range.end)
        indexes = open.map(\.index)
    }

    /// The open shard of `stream` whose range contains `key`, found without building a
    /// router (for one key, a scan costs less than gathering and sorting the ranges).
    static func openShard(of stream: Stream, for key: UInt128) -> Int? {
        for i in stream.shards.indices where stream.shards[i].closedAt == nil {
            let range = stream.shards[i].hashKeyRange
            if range.start <= key && key <= range.end { return i }
        }
        return nil
    }

    /// The index of the open shard whose inclusive range contains `key`.
    func shard(for key: UInt128) -> Int? {
        var low = 0, high = starts.count
        // The last range starting at or below the key.
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= key { low = mid + 1 } else { high = mid }
        }
        let i = low - 1
        guard i >= 0, key <= ends[i] else { return nil }
        return indexes[i]
    }
}
