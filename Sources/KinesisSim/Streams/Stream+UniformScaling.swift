import IAMPolicy

/// UpdateShardCount's UNIFORM_SCALING, as splits and merges with real lineage.
extension Stream {
    /// Reshapes the open shards into exactly `target` shards with the ranges
    /// `HashKeyRange.even(count: target)`, by splits and merges that leave a lineage a
    /// consumer can follow (ParentShardId, AdjacentParentShardId).
    ///
    /// The plan takes the common refinement of the old and new boundaries. First each open
    /// shard (in key order) is split at every new boundary strictly inside it, lower child
    /// first, the upper child being split again. Then, for each new range from left to right,
    /// its pieces are merged left to right (`ShardToMerge` = the accumulated lower shard,
    /// `AdjacentShardToMerge` = the next piece). A shard whose range is already one of the
    /// new ranges stays open; every other open shard is closed.
    ///
    /// This needs the fewest operations possible: with `s` new boundaries that are not old
    /// ones, it makes `s` splits and `N + s − T` merges, so the stream ends with
    /// `2N − T + 3s` shards in total (N open before, T after). AWS's observed totals for
    /// 2→4 (6), 4→2 (6) and 4→5 (15) agree; for 5→3 and 10→13 AWS reports 7 and 37, which
    /// means fewer splits than uniform boundaries need (its ranges are then not uniform), so
    /// this model reports 13 and 43.
    mutating func scaleUniformly(to target: Int, now: Timestamp) {
        let targetRanges = HashKeyRange.even(count: target)
        let cuts = targetRanges.dropFirst().map(\.start)
        let open = shards.filter(\.isOpen).sorted { $0.hashKeyRange.start < $1.hashKeyRange.start }.map(\.index)
        // Splits: pieces in key order whose boundaries include every cut.
        var pieces: [Int] = []
        var nextCut = 0
        for index in open {
            var current = index
            let range = shards[index].hashKeyRange
            while nextCut < cuts.count && cuts[nextCut] <= range.start { nextCut += 1 }
            while nextCut < cuts.count && cuts[nextCut] <= range.end {
                let (lower, upper) = split(shard: current, at: cuts[nextCut], now: now)
                pieces.append(lower)
                current = upper
                nextCut += 1
            }
            pieces.append(current)
        }
        // Merges: each target range is a run of consecutive pieces.
        var p = 0
        for range in targetRanges {
            guard p < pieces.count else { break }
            var accumulated = pieces[p]
            p += 1
            while p < pieces.count && shards[accumulated].hashKeyRange.end < range.end {
                accumulated = merge(shard: accumulated, adjacent: pieces[p], now: now)
                p += 1
            }
        }
    }
}
