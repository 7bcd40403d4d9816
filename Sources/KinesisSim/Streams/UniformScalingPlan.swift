/// How UpdateShardCount's UNIFORM_SCALING turns a stream's open shards into `T` shards:
/// where each open shard is split, and where the new shards begin. Pure arithmetic on hash
/// key ranges; ``Stream/scaleUniformly(to:now:)`` carries it out.
///
/// AWS's observed totals (open and closed shards right after: 2→4: 6, 4→2: 6, 5→3: 7,
/// 4→5: 15, 10→13: 37) say what it does on an evenly sharded stream of `N` shards:
/// scaling down, `N − T` merges and no split; scaling up, one split of every open shard and
/// `2N − T` merges. The plan keeps those counts and places the cuts as near the even ranges
/// of `T` shards as they allow: scaling down, each new shard begins at an old boundary;
/// scaling up, at an old boundary or at the one point its old shard is split at. Where the
/// even ranges need two cuts inside one old shard (10→13: shards 3 and 6 hold two of the
/// even boundaries each), one of them moves to the old boundary next to it, so AWS's result,
/// and this one, is not perfectly uniform: 10→13 gives ranges between 0.9 and 1.1 times
/// the even width.
///
/// Among the placements it picks one with the least total distance from the even boundaries
/// (a dynamic programme over the candidates). When even the best leaves a boundary more
/// than half an even width away (a stream resharded by hand into very uneven shards), it
/// splits at every even boundary instead and merges the pieces: exactly uniform ranges, with
/// more short-lived shards.
struct UniformScalingPlan: Equatable {
    /// For each open shard, in key order, the keys it is split at (ascending; each child
    /// non-empty).
    var splits: [[UInt128]]
    /// Where the new shards after the first begin (`T − 1` keys, ascending); each is an old
    /// boundary or a split key.
    var boundaries: [UInt128]

    /// The plan for open shards `open` (in key order, covering the key space) and `target`
    /// shards (at least one).
    static func make(open: [HashKeyRange], target: Int) -> UniformScalingPlan {
        let even = HashKeyRange.even(count: target)
        let ideal = even.dropFirst().map(\.start)
        let halfWidth = even[0].end / 2
        if let plan = nearest(open: open, ideal: ideal, tolerance: halfWidth, splitEveryShard: target > open.count) {
            return plan
        }
        return refinement(open: open, ideal: ideal)
    }

    /// Splits at every ideal boundary that is not an old one: exactly the even ranges.
    static func refinement(open: [HashKeyRange], ideal: [UInt128]) -> UniformScalingPlan {
        var next = 0
        let splits = open.map { range -> [UInt128] in
            while next < ideal.count && ideal[next] <= range.start { next += 1 }
            var keys: [UInt128] = []
            while next < ideal.count && ideal[next] <= range.end {
                keys.append(ideal[next])
                next += 1
            }
            return keys
        }
        return UniformScalingPlan(splits: splits, boundaries: ideal)
    }

    /// A place a new shard may begin: an old boundary (the start of open shard `shard`), or
    /// anywhere inside open shard `shard` where it can be split (the upper child's first key).
    private struct Slot {
        var shard: Int
        var isInterior: Bool
        /// The keys the slot can take.
        var low: UInt128
        var high: UInt128
    }

    /// AWS's counts with the boundaries nearest the ideal ones, or `nil` when some boundary
    /// would lie more than `tolerance` from its ideal (or the counts cannot be met).
    private static func nearest(open: [HashKeyRange], ideal: [UInt128], tolerance: UInt128,
                                splitEveryShard: Bool) -> UniformScalingPlan? {
        var slots: [Slot] = []
        for (i, range) in open.enumerated() {
            if i > 0 { slots.append(Slot(shard: i, isInterior: false, low: range.start, high: range.start)) }
            if splitEveryShard && range.end > range.start {
                slots.append(Slot(shard: i, isInterior: true, low: range.start + 1, high: range.end))
            }
        }
        // Each ideal boundary's candidates: the slots that can come within `tolerance` of it,
        // a run of consecutive slots (slots are in key order).
        var windows: [Range<Int>] = []
        var lo = 0, hi = 0
        for t in ideal {
            while lo < slots.count && slots[lo].high < t - tolerance { lo += 1 }
            hi = max(hi, lo)
            while hi < slots.count && slots[hi].low <= t + tolerance { hi += 1 }
            guard lo < hi else { return nil }
            windows.append(lo..<hi)
        }
        guard let chosen = cheapestAssignment(ideal: ideal, windows: windows, slots: slots) else { return nil }
        var splits = Array(repeating: [UInt128](), count: open.count)
        var boundaries: [UInt128] = []
        for (k, s) in chosen.enumerated() {
            let key = clamp(ideal[k], slots[s].low, slots[s].high)
            boundaries.append(key)
            if slots[s].isInterior { splits[slots[s].shard] = [key] }
        }
        if splitEveryShard {
            // AWS splits every open shard; one whose split is no boundary is split in the
            // middle and its halves merged again.
            for (i, range) in open.enumerated() where splits[i].isEmpty && range.end > range.start {
                splits[i] = [range.start + (range.end - range.start) / 2 + 1]
            }
        }
        return UniformScalingPlan(splits: splits, boundaries: boundaries)
    }

    /// For each ideal boundary, in order, a slot from its window, each slot after the
    /// previous one, with the least total distance; `nil` when there is no such choice.
    private static func cheapestAssignment(ideal: [UInt128], windows: [Range<Int>], slots: [Slot]) -> [Int]? {
        guard !ideal.isEmpty else { return [] }
        // cost[k][j]: the least distance for boundaries 0…k with boundary k at slot
        // windows[k].lowerBound + j; from[k][j]: where boundary k − 1 then is.
        var cost: [[Double]] = []
        var from: [[Int]] = []
        for (k, window) in windows.enumerated() {
            var row: [Double] = []
            var back: [Int] = []
            // The cheapest of the previous row up to each slot, scanned once.
            var best = Double.infinity, bestSlot = -1, p = 0
            for s in window {
                if k > 0 {
                    let previous = windows[k - 1]
                    while p < previous.count && previous.lowerBound + p < s {
                        if cost[k - 1][p] < best { (best, bestSlot) = (cost[k - 1][p], previous.lowerBound + p) }
                        p += 1
                    }
                } else {
                    best = 0
                }
                let value = clamp(ideal[k], slots[s].low, slots[s].high)
                let distance = Double(value > ideal[k] ? value - ideal[k] : ideal[k] - value)
                row.append(best + distance)
                back.append(bestSlot)
            }
            cost.append(row)
            from.append(back)
        }
        guard let last = cost[cost.count - 1].indices.min(by: { cost[cost.count - 1][$0] < cost[cost.count - 1][$1] }),
              cost[cost.count - 1][last].isFinite else { return nil }
        var chosen = Array(repeating: 0, count: ideal.count)
        var s = windows[ideal.count - 1].lowerBound + last
        for k in stride(from: ideal.count - 1, through: 0, by: -1) {
            chosen[k] = s
            if k > 0 { s = from[k][s - windows[k].lowerBound] }
        }
        return chosen
    }

    private static func clamp(_ x: UInt128, _ low: UInt128, _ high: UInt128) -> UInt128 {
        min(max(x, low), high)
    }
}
