import IAMPolicy

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

    /// An instant from epoch seconds (fractions keep millisecond precision).
    public init(epochSeconds: Double) {
        milliseconds = Int64((epochSeconds * 1000).rounded())
    }

    /// Epoch seconds with millisecond precision, as Kinesis timestamps are sent on the wire.
    public var epochSeconds: Double { Double(milliseconds) / 1000 }

    /// `2026-06-01T12:00:00Z` (with `.sss` when the milliseconds are not zero).
    public var iso8601: String { PolicyDate.fromEpochMilliseconds(milliseconds).iso8601String }

    /// This instant plus `ms` milliseconds.
    public func adding(milliseconds ms: Int64) -> Timestamp { Timestamp(milliseconds: milliseconds + ms) }

    /// Orders instants in time.
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    /// The ISO 8601 form.
    public var description: String { iso8601 }
}
