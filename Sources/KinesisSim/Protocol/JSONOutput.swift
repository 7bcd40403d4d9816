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
        // Members straight into `JSONMember`s: no intermediate array of pairs (every record of
        // every GetRecords answer passes through here).
        var kept: [JSONMember] = []
        kept.reserveCapacity(members.count)
        for (key, value) in members {
            if let value { kept.append(JSONMember(key: key, keyRange: builtRange, value: value)) }
        }
        return JSONValue(.object(kept), range: builtRange)
    }

    /// The empty range of values built in code (as `JSONValue`'s builders give them).
    private static let builtRange = SourceRange(at: .start)

    /// A string, or nothing.
    static func string(_ s: String?) -> JSONValue? { s.map { .string($0) } }
}
