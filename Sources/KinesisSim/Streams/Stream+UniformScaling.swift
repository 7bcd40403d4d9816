import IAMPolicy

/// UpdateShardCount's UNIFORM_SCALING, as splits and merges with real lineage.
extension Stream {
    /// Reshapes the open shards into exactly `target` shards as ``UniformScalingPlan`` places
    /// them, by splits and merges that leave a lineage a consumer can follow (ParentShardId,
    /// AdjacentParentShardId); every shard open before is closed, or stays open when the plan
    /// leaves it as it is.
    ///
    /// First each open shard, in key order, is split at the plan's keys (lower child first,
    /// the upper child split again). Then, for each new range from left to right, its pieces
    /// are merged left to right (`ShardToMerge` = the shard merged so far, `AdjacentShardToMerge`
    /// = the next piece). On an evenly sharded stream this makes AWS's totals: `N − T` merges
    /// scaling down; `N` splits and `2N − T` merges scaling up.
    mutating func scaleUniformly(to target: Int, now: Timestamp) {
        let open = shards.filter(\.isOpen).sorted { $0.hashKeyRange.start < $1.hashKeyRange.start }.map(\.index)
        let plan = UniformScalingPlan.make(open: open.map { shards[$0].hashKeyRange }, target: target)
        var pieces: [Int] = []
        for (index, keys) in zip(open, plan.splits) {
            var current = index
            for key in keys {
                let (lower, upper) = split(shard: current, at: key, now: now)
                pieces.append(lower)
                current = upper
            }
            pieces.append(current)
        }
        // Each new range is a run of consecutive pieces; it ends before the next boundary.
        let ends = plan.boundaries.map { $0 - 1 } + [UInt128.max]
        var p = 0
        for end in ends {
            guard p < pieces.count else { break }
            var merged = pieces[p]
            p += 1
            while p < pieces.count && shards[merged].hashKeyRange.end < end {
                merged = merge(shard: merged, adjacent: pieces[p], now: now)
                p += 1
            }
        }
    }
}
