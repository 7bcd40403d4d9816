/// Representative values that split an ordered domain (numbers, dates, IP addresses) at the
/// constants a policy compares with: every constant itself, and one value inside every gap
/// between consecutive constants and beyond the ends. Every comparison IAM offers (`<`, `<=`,
/// `=`, `>=`, `>`, and CIDR membership, whose blocks are intervals) has one truth value on
/// each such cell, so one value per cell decides them all.
enum ValueCells {
    /// Numbers for the `Numeric*` operators. A gap's representative is found in binary
    /// floating point and then checked with exact decimal comparison; a gap too narrow for
    /// that (more than 15 significant digits) is reported as `nil`, and the analysis answers
    /// "unknown" rather than skip it.
    static func numbers(_ constants: [DecimalNumber]) -> [String]? {
        let sorted = Array(Set(constants)).sorted()
        guard let first = sorted.first, let last = sorted.last else { return ["0"] }
        var out: [String] = []
        func candidate(_ d: Double, above lo: DecimalNumber?, below hi: DecimalNumber?) -> String? {
            for text in [integerText(d), shortText(d)] {
                guard let text, let v = DecimalNumber(parsing: text) else { continue }
                if let lo, !(lo < v) { continue }
                if let hi, !(v < hi) { continue }
                return text
            }
            return nil
        }
        guard let below = candidate(double(first) - 1, above: nil, below: first) else { return nil }
        out.append(below)
        for (i, c) in sorted.enumerated() {
            out.append(c.description)
            if i + 1 < sorted.count {
                let next = sorted[i + 1]
                guard let mid = candidate((double(c) + double(next)) / 2, above: c, below: next) else { return nil }
                out.append(mid)
            }
        }
        guard let above = candidate(double(last) + 1, above: last, below: nil) else { return nil }
        out.append(above)
        return out
    }

    private static func double(_ d: DecimalNumber) -> Double { Double(d.description) ?? 0 }

    private static func integerText(_ d: Double) -> String? {
        guard d.isFinite, d.rounded() == d, abs(d) < 9e15 else { return nil }
        return String(Int64(d))
    }

    private static func shortText(_ d: Double) -> String? {
        guard d.isFinite else { return nil }
        let s = "\(d)"
        return s.contains("e") ? nil : s
    }

    /// Instants (epoch milliseconds) for the date operators and `aws:EpochTime`, no earlier
    /// than `earliest` when given (requests happen now or later).
    static func instants(_ constants: [Int64], earliest: Int64?) -> [Int64] {
        let lowest: Int64 = 0
        let highest = PolicyDate.maxEpochSeconds * 1000
        let sorted = Array(Set(constants.filter { $0 >= lowest && $0 <= highest })).sorted()
        var out: [Int64] = []
        func add(_ t: Int64) {
            if let earliest, t < earliest { return }
            out.append(t)
        }
        if let earliest { out.append(earliest) }
        guard !sorted.isEmpty else { return out.isEmpty ? [1_767_225_600_000] : out }
        // Prefer whole seconds inside a gap, so aws:EpochTime (seconds) agrees with aws:CurrentTime.
        func inside(_ lo: Int64, _ hi: Int64) -> Int64? {
            guard hi - lo > 1 else { return nil }
            let mid = lo + (hi - lo) / 2
            let second = (mid / 1000) * 1000
            if second > lo && second < hi { return second }
            let up = second + 1000
            if up > lo && up < hi { return up }
            return mid
        }
        if sorted[0] > lowest { add(max(lowest, sorted[0] - 1000)) }
        for (i, c) in sorted.enumerated() {
            add(c)
            let hi = i + 1 < sorted.count ? sorted[i + 1] : min(highest, c + 86_400_000)
            if let m = inside(c, hi) { add(m) } else if i + 1 == sorted.count, c < highest { add(c + 1) }
        }
        return Array(Set(out)).sorted()
    }

    /// IP addresses for `IpAddress`/`NotIpAddress`: the first address of every cell that the
    /// blocks' boundaries cut each family's space into, so every block is a union of cells.
    static func addresses(_ blocks: [CIDRBlock]) -> [IPAddress] {
        var out: [IPAddress] = []
        for family in [IPAddress.Family.v4, .v6] {
            var cuts: Set<Wide> = [Wide(0, 0)]
            for b in blocks where b.family == family {
                let lo = Wide(b.network.high, b.network.low)
                let size = family.bitWidth - b.prefixLength
                let hostMask = Wide.lowBits(size)
                let hi = Wide(lo.high | hostMask.high, lo.low | hostMask.low)
                cuts.insert(lo)
                let top = family == .v4 ? Wide(0, 0xFFFF_FFFF) : Wide(.max, .max)
                if hi != top { cuts.insert(hi.plusOne()) }
            }
            let typical = family == .v4 ? IPAddress(parsing: "203.0.113.10")! : IPAddress(parsing: "2001:db8::10")!
            let sorted = cuts.sorted()
            for (i, c) in sorted.enumerated() {
                // A readable address where the cell holds one; else its first address.
                let t = Wide(typical.high, typical.low)
                let next = i + 1 < sorted.count ? sorted[i + 1] : nil
                let pick = (c <= t && (next.map { t < $0 } ?? true)) ? t : c
                out.append(family == .v4 ? IPAddress(v4: UInt32(truncatingIfNeeded: pick.low)) : IPAddress(v6High: pick.high, low: pick.low))
            }
        }
        return out
    }

    /// A 128-bit unsigned value as two words, ordered.
    struct Wide: Hashable, Comparable {
        var high: UInt64
        var low: UInt64
        init(_ high: UInt64, _ low: UInt64) { self.high = high; self.low = low }

        static func < (a: Wide, b: Wide) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }

        func plusOne() -> Wide { low == .max ? Wide(high &+ 1, 0) : Wide(high, low + 1) }

        /// The lowest `n` bits set.
        static func lowBits(_ n: Int) -> Wide {
            if n <= 0 { return Wide(0, 0) }
            if n >= 128 { return Wide(.max, .max) }
            if n >= 64 { return Wide(n == 64 ? 0 : (UInt64(1) << UInt64(n - 64)) - 1, .max) }
            return Wide(0, (UInt64(1) << UInt64(n)) - 1)
        }
    }
}
