/// A record's sequence number, and the decimal string Kinesis shows for it.
///
/// Layout (58 decimal digits, fixed width, so comparing two strings of this form as big
/// integers is comparing their fields in order):
///
/// | digits | field |
/// |---|---|
/// | 2 | `49`, a version prefix (real sequence numbers start with 49 too) |
/// | 13 | the stream's creation time, epoch ms (tells streams of the same name apart) |
/// | 10 | the shard index |
/// | 13 | when the record arrived, epoch ms (numbers grow with time and skip values) |
/// | 20 | the shard's record counter |
///
/// Within a shard the arrival time never decreases and the counter always increases, so
/// numbers strictly increase in write order. Children of a split or merge have higher
/// indexes than their parents, so their numbers are larger than every parent record's.
public struct SequenceNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The stream's creation time, epoch milliseconds.
    public var streamCreatedAt: Int64
    /// The shard's index.
    public var shardIndex: Int
    /// When the record arrived (for a shard's bounds: when it was created or closed).
    public var arrival: Int64
    /// The shard's record counter (0 for a shard's starting number).
    public var counter: UInt64

    /// Digits in every sequence number this simulation writes.
    public static let digitCount = 58

    /// Creates a sequence number from its fields.
    public init(streamCreatedAt: Int64, shardIndex: Int, arrival: Int64, counter: UInt64) {
        self.streamCreatedAt = streamCreatedAt
        self.shardIndex = shardIndex
        self.arrival = arrival
        self.counter = counter
    }

    /// Parses a sequence number this simulation wrote; `nil` for any other string.
    public init?(_ text: String) {
        guard text.utf8.count == Self.digitCount else { return nil }
        var digits = text.utf8.makeIterator()
        func take(_ n: Int) -> UInt64? {
            var v: UInt64 = 0
            for _ in 0..<n {
                guard let c = digits.next(), c >= 48, c <= 57 else { return nil }
                let (times10, o1) = v.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(c - 48))
                guard !o1, !o2 else { return nil }
                v = sum
            }
            return v
        }
        guard take(2) == 49, let created = take(13), let shard = take(10), let arrival = take(13),
              let counter = take(20) else { return nil }
        self.init(streamCreatedAt: Int64(created), shardIndex: Int(shard), arrival: Int64(arrival), counter: counter)
    }

    /// The 58-digit decimal string (one allocation; digits are cut in 8-digit 32-bit chunks).
    public var description: String {
        String(unsafeUninitializedCapacity: Self.digitCount) { buffer in
            var end = Self.digitCount
            // Writes `width` (≤ 8) digits of `value` (< 10^width) ending before `end`.
            func put(_ value: UInt32, width: Int) {
                var v = value
                var i = end
                end -= width
                while i > end {
                    i -= 1
                    let q = v / 10
                    buffer[i] = UInt8(truncatingIfNeeded: v &- q &* 10) &+ 48
                    v = q
                }
            }
            func put(_ value: UInt64, width: Int) {
                var v = value
                var left = width
                while left > 8 {
                    put(UInt32(truncatingIfNeeded: v % 100_000_000), width: 8)
                    v /= 100_000_000
                    left -= 8
                }
                put(UInt32(truncatingIfNeeded: v), width: left)
            }
            put(counter, width: 20)
            put(UInt64(max(0, arrival)) % 10_000_000_000_000, width: 13)
            put(UInt64(shardIndex) % 10_000_000_000, width: 10)
            put(UInt64(max(0, streamCreatedAt)) % 10_000_000_000_000, width: 13)
            put(UInt32(49), width: 2)
            return Self.digitCount
        }
    }

    /// Orders numbers as the big integers their strings are.
    public static func < (a: SequenceNumber, b: SequenceNumber) -> Bool {
        (a.streamCreatedAt, a.shardIndex, a.arrival, a.counter) < (b.streamCreatedAt, b.shardIndex, b.arrival, b.counter)
    }
}
