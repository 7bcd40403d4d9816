/// An instant on the world's clock, in milliseconds since the Unix epoch.
///
/// The world's clock is driven by its owner (a test, a lab, the server's edge), never read
/// from the machine, so every run of a lab is deterministic.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    /// Creates an instant.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// An instant from epoch seconds (fractions keep millisecond precision). Never traps:
    /// beyond Int64's milliseconds it saturates at `.min`/`.max`, and NaN is the epoch.
    /// Wire input goes through ``init(wireEpochSeconds:)`` instead, which refuses such values.
    public init(epochSeconds: Double) {
        let ms = (epochSeconds * 1000).rounded()
        if ms.isNaN {
            milliseconds = 0
        } else if ms >= 9_223_372_036_854_775_807.0 {  // 2^63, the first Double past Int64.max
            milliseconds = .max
        } else if ms < -9_223_372_036_854_775_808.0 {
            milliseconds = .min
        } else {
            milliseconds = Int64(ms)
        }
    }

    /// The instants a request may name: 0001-01-01T00:00:00Z through 9999-12-31T23:59:59.999Z,
    /// in milliseconds. Anything further is no date a stream can have, and keeping wire values
    /// inside it leaves every later sum of milliseconds far from overflow.
    public static let wireRange: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999

    /// An instant from epoch seconds sent on the wire; `nil` when not finite or outside
    /// ``wireRange``.
    public init?(wireEpochSeconds seconds: Double) {
        guard seconds.isFinite, seconds * 1000 >= Double(Self.wireRange.lowerBound),
              seconds * 1000 <= Double(Self.wireRange.upperBound) else { return nil }
        self.init(epochSeconds: seconds)
    }

    /// An instant from milliseconds sent on the wire (inside a NextToken, say); `nil` outside
    /// ``wireRange``.
    public init?(wireMilliseconds ms: Int64) {
        guard Self.wireRange.contains(ms) else { return nil }
        milliseconds = ms
    }

    /// Epoch seconds with millisecond precision, as Kinesis timestamps are sent on the wire.
    public var epochSeconds: Double { Double(milliseconds) / 1000 }

    /// `2026-06-01T12:00:00Z` (with `.sss` when the milliseconds are not zero).
    public var iso8601: String { PolicyDate.fromEpochMilliseconds(milliseconds).iso8601String }

    /// This instant plus `ms` milliseconds, saturating at the ends of Int64 rather than trapping.
    public func adding(milliseconds ms: Int64) -> Timestamp {
        let (sum, overflow) = milliseconds.addingReportingOverflow(ms)
        return Timestamp(milliseconds: overflow ? (ms > 0 ? .max : .min) : sum)
    }

    /// Orders instants in time.
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    /// The ISO 8601 form.
    public var description: String { iso8601 }
}
