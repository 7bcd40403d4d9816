import IAMPolicy

/// Small helpers for building response bodies in the shape botocore reads.
enum JSONOutput {
    /// Epoch seconds with millisecond precision, as Kinesis sends timestamps.
    static func timestamp(_ t: Timestamp) -> JSONValue {
        let ms = t.milliseconds
        let whole = ms / 1000
        let frac = ms % 1000
        if frac == 0 { return .number(literal: "\(whole)") }
        let digits = String(frac)
        let padded = String(repeating: "0", count: 3 - digits.count) + digits
        return .number(literal: "\(whole).\(padded)")
    }

    /// An object without the members whose value is `nil` (absent members are omitted, never `null`).
    static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        .object(members.compactMap { m in m.1.map { (m.0, $0) } })
    }

    /// A string, or nothing.
    static func string(_ s: String?) -> JSONValue? { s.map { .string($0) } }
}
