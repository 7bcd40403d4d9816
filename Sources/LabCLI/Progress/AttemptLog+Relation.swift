/// How two attempt logs stand to each other, judged by their hash chains: each line's
/// `prev` is the hash of the line before, so two logs that agree on line N's hash agree on
/// every line up to N.
enum LogRelation: Equatable {
    /// The same complete lines.
    case same
    /// The other log is this one plus `lines` more: taking it loses nothing.
    case behind(lines: Int)
    /// This log is the other plus `lines` more: the other is older.
    case ahead(lines: Int)
    /// They share their first `commonLines` lines and then differ.
    case diverged(commonLines: Int)
}

extension AttemptLog {
    /// How this log (here) stands to `other` (from elsewhere). Both should be intact.
    func relation(to other: AttemptLog) -> LogRelation {
        let common = commonLines(with: other)
        switch (common == lines.count, common == other.lines.count) {
        case (true, true): return .same
        case (true, false): return .behind(lines: other.lines.count - common)
        case (false, true): return .ahead(lines: lines.count - common)
        case (false, false): return .diverged(commonLines: common)
        }
    }

    /// How many first lines the two logs share (the longest prefix with equal last hashes).
    private func commonLines(with other: AttemptLog) -> Int {
        var n = min(lines.count, other.lines.count)
        // Chains agree up to N exactly when line N's hashes agree, so the common prefix is
        // found by a binary search on that.
        guard n > 0 else { return 0 }
        if hash(ofLine: n - 1) == other.hash(ofLine: n - 1) { return n }
        var low = 0
        n -= 1
        while low < n {
            let mid = (low + n + 1) / 2
            if hash(ofLine: mid - 1) == other.hash(ofLine: mid - 1) { low = mid } else { n = mid - 1 }
        }
        return low
    }

    /// The complete lines as bytes, each ended by a newline.
    var completeBytes: [UInt8] {
        lines.flatMap { Array($0) + [0x0A] }
    }
}
