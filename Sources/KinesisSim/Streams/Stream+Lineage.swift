import IAMPolicy

/// Splitting and merging shards: the lineage primitives SplitShard, MergeShards and
/// UpdateShardCount share. They check nothing; the operations validate first.
extension Stream {
    /// Closes open shard `index` at `now` and appends its two children, split at `key`:
    /// the lower `[start, key − 1]` and the upper `[key, end]`, both with the parent as
    /// `ParentShardId`. Returns the children's indexes.
    // INVARIANT: start < key ≤ end, so both children are non-empty.
    @discardableResult
    mutating func split(shard index: Int, at key: UInt128, now: Timestamp) -> (lower: Int, upper: Int) {
        let range = shards[index].hashKeyRange
        shards[index].closedAt = now
        let lower = shards.count
        shards.append(Shard(index: lower, hashKeyRange: HashKeyRange(start: range.start, end: key - 1), createdAt: now,
                            parentIndex: index))
        shards.append(Shard(index: lower + 1, hashKeyRange: HashKeyRange(start: key, end: range.end), createdAt: now,
                            parentIndex: index))
        return (lower, lower + 1)
    }

    /// Closes open shards `index` and `adjacent` at `now` and appends one child covering
    /// both ranges, with `ParentShardId = index` and `AdjacentParentShardId = adjacent`.
    /// Returns the child's index.
    // INVARIANT: the two ranges are contiguous (in either order).
    @discardableResult
    mutating func merge(shard index: Int, adjacent: Int, now: Timestamp) -> Int {
        let a = shards[index].hashKeyRange, b = shards[adjacent].hashKeyRange
        shards[index].closedAt = now
        shards[adjacent].closedAt = now
        let child = shards.count
        shards.append(Shard(index: child, hashKeyRange: HashKeyRange(start: min(a.start, b.start), end: max(a.end, b.end)),
                            createdAt: now, parentIndex: index, adjacentParentIndex: adjacent))
        return child
    }

    /// Whether two ranges touch end to start (in either order), so their union is contiguous.
    static func areAdjacent(_ a: HashKeyRange, _ b: HashKeyRange) -> Bool {
        func follows(_ x: HashKeyRange, _ y: HashKeyRange) -> Bool { x.end < .max && x.end + 1 == y.start }
        return follows(a, b) || follows(b, a)
    }

    /// Shards DescribeStream and ListShards show: every open shard, and closed shards until
    /// their data ages out of retention. Empty while the stream is CREATING.
    func listedShards(now: Timestamp) -> [Shard] {
        guard status != .creating else { return [] }
        let retention = Int64(retentionHours) * 3_600_000
        return shards.filter { shard in
            guard let closed = shard.closedAt else { return true }
            return closed.milliseconds + retention > now.milliseconds
        }
    }

    /// The trim horizon: the stream's creation, or `now` minus retention when that is later.
    func trimHorizon(now: Timestamp) -> Timestamp {
        max(createdAt, now.adding(milliseconds: -Int64(retentionHours) * 3_600_000))
    }
}
