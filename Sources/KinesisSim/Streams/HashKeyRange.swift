/// An inclusive range of the 128-bit hash key space a shard owns.
public struct HashKeyRange: Sendable, Hashable {
    /// The first hash key (inclusive).
    public var start: UInt128
    /// The last hash key (inclusive).
    public var end: UInt128

    /// Creates a range.
    public init(start: UInt128, end: UInt128) {
        self.start = start
        self.end = end
    }

    /// The whole key space, 0 … 2^128 − 1.
    public static let all = HashKeyRange(start: 0, end: .max)

    /// Whether `key` falls in the range (both ends inclusive).
    public func contains(_ key: UInt128) -> Bool { key >= start && key <= end }

    /// The ranges CreateStream gives `count` shards: `step = floor(2^128 / count)`, shard i
    /// gets `[i*step, (i+1)*step − 1]`, and the last shard ends at 2^128 − 1.
    public static func even(count: Int) -> [HashKeyRange] {
        precondition(count >= 1, "a stream has at least one shard")
        // One shard owns everything (its step, 2^128, does not fit in 128 bits).
        if count == 1 { return [.all] }
        // floor(2^128 / n) computed without overflow: (2^128 − 1) / n, plus one when n divides 2^128.
        let n = UInt128(count)
        var step = UInt128.max / n
        if (UInt128.max % n) + 1 == n { step += 1 }
        return (0..<count).map { i in
            let start = UInt128(i) * step
            let end = i == count - 1 ? UInt128.max : UInt128(i + 1) * step - 1
            return HashKeyRange(start: start, end: end)
        }
    }
}
