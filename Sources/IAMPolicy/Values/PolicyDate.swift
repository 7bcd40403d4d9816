/// An instant for the `Date*` condition operators: milliseconds since the Unix epoch (UTC).
///
/// Accepted text (W3C profile of ISO 8601, plus epoch seconds):
/// - `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (the missing parts default to the first month/day,
///   midnight UTC);
/// - `YYYY-MM-DDThh:mm`, `YYYY-MM-DDThh:mm:ss`, `YYYY-MM-DDThh:mm:ss.s+`, each followed by a
///   zone designator `Z`, `+hh:mm` or `-hh:mm` (offsets up to ±23:59) or, leniently, by none;
/// - epoch seconds: all-digit text (`1735689600`), optionally with a fraction
///   (`1735689600.5`).
///
/// Decisions:
/// - A date or time without a zone designator is taken as UTC; `hadExplicitZone` is then
///   `false` so a linter can flag it. Epoch values are inherently UTC (`hadExplicitZone` true).
/// - Exactly four digits is a year (`2026`), never epoch seconds; any other all-digit text
///   is epoch seconds.
/// - Lower-case `t` and `z` are accepted (RFC 3339 §5.6 allows them).
/// - Negative epoch text (`-1`) is rejected; a sign is never accepted on epoch text.
/// - Seconds range 0–59: leap second `60` is rejected. Hours 0–23 (`24:00` is rejected).
/// - Days are validated against the month, with proleptic Gregorian leap years. Years are
///   `0000`–`9999`; epoch seconds are limited to the same range (≤ 253402300799).
/// - Fractional seconds keep millisecond resolution; further digits are truncated.
/// - Equality, hashing and ordering consider only the instant, not how it was written.
public struct PolicyDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let epochMilliseconds: Int64
    /// Whether the text named its zone (`Z` or an offset) or was epoch seconds.
    public let hadExplicitZone: Bool
    /// Whether the text was epoch seconds rather than an ISO 8601 date.
    public let isEpoch: Bool

    /// The largest accepted epoch second: 9999-12-31T23:59:59Z.
    public static let maxEpochSeconds: Int64 = 253_402_300_799

    /// An instant with explicit provenance flags.
    @inlinable public init(epochMilliseconds: Int64, hadExplicitZone: Bool = true, isEpoch: Bool = false) {
        self.epochMilliseconds = epochMilliseconds
        self.hadExplicitZone = hadExplicitZone
        self.isEpoch = isEpoch
    }

    /// The instant `milliseconds` after the epoch (zone explicit, not epoch text).
    @inlinable public static func fromEpochMilliseconds(_ milliseconds: Int64) -> PolicyDate {
        PolicyDate(epochMilliseconds: milliseconds)
    }

    /// Parses a W3C ISO 8601 date or epoch seconds (see the type's documentation); `nil` if
    /// malformed or out of range.
    public init?(parsing text: String) {
        var text = text
        guard let parsed = text.withUTF8({ PolicyDate.parse($0) }) else { return nil }
        self = parsed
    }

    /// Equality of instants.
    @inlinable public static func == (a: PolicyDate, b: PolicyDate) -> Bool {
        a.epochMilliseconds == b.epochMilliseconds
    }

    /// Ordering of instants.
    @inlinable public static func < (a: PolicyDate, b: PolicyDate) -> Bool {
        a.epochMilliseconds < b.epochMilliseconds
    }

    /// Hashes the instant only.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(epochMilliseconds)
    }

    /// `YYYY-MM-DDThh:mm:ssZ` in UTC, with `.sss` when the milliseconds are not zero.
    public var iso8601String: String {
        let ms = epochMilliseconds
        var days = ms / 86_400_000
        var rem = ms % 86_400_000
        if rem < 0 { rem += 86_400_000; days -= 1 }
        let (y, m, d) = PolicyDate.civil(fromDays: days)
        let secOfDay = rem / 1000
        let millis = rem % 1000
        var out = ""
        out.reserveCapacity(24)
        if y < 0 { out += "-" }
        PolicyDate.pad(&out, abs(y), 4)
        out += "-"; PolicyDate.pad(&out, m, 2)
        out += "-"; PolicyDate.pad(&out, d, 2)
        out += "T"; PolicyDate.pad(&out, secOfDay / 3600, 2)
        out += ":"; PolicyDate.pad(&out, secOfDay / 60 % 60, 2)
        out += ":"; PolicyDate.pad(&out, secOfDay % 60, 2)
        if millis != 0 { out += "."; PolicyDate.pad(&out, millis, 3) }
        out += "Z"
        return out
    }

    /// Same as `iso8601String`.
    public var description: String { iso8601String }

    // MARK: - Calendar arithmetic (proleptic Gregorian, H. Hinnant's algorithms)

    /// Days since 1970-01-01 for a civil date.
    @usableFromInline static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian (year, month 1…12, day) that is `days` days after 1970-01-01.
    public static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func isLeap(_ y: Int64) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func daysIn(month m: Int64, year y: Int64) -> Int64 {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ out: inout String, _ v: Int64, _ width: Int) {
        let s = String(v)
        if s.utf8.count < width { out += String(repeating: "0", count: width - s.utf8.count) }
        out += s
    }

    // MARK: - Parsing

    /// Parses UTF-8 bytes; `nil` if malformed.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> PolicyDate? {
        let n = b.count
        guard n > 0 else { return nil }
        // Leading digit run.
        var i = 0
        while i < n, b[i] &- 48 < 10 { i += 1 }
        if i == n {
            return i == 4 ? parseISO(b) : parseEpoch(b, digitsEnd: i)
        }
        if b[i] == UInt8(ascii: ".") { return parseEpoch(b, digitsEnd: i) }
        return parseISO(b)
    }

    /// Reads exactly `count` digits at `i`.
    @inline(__always)
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ count: Int) -> Int64? {
        guard i + count <= b.count else { return nil }
        var v: Int64 = 0
        for k in i..<(i + count) {
            let d = b[k] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int64(d)
        }
        return v
    }

    /// Reads a fraction `.ddd…` starting after the dot at `i`; returns milliseconds
    /// (truncated) and the index after the digits. At least one digit is required.
    static func fraction(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> (Int64, Int)? {
        var i = start
        var ms: Int64 = 0
        while i < b.count, b[i] &- 48 < 10 {
            if i - start < 3 { ms = ms * 10 + Int64(b[i] &- 48) }
            i += 1
        }
        let len = i - start
        guard len > 0 else { return nil }
        if len == 1 { ms *= 100 } else if len == 2 { ms *= 10 }
        return (ms, i)
    }

    static func parseEpoch(_ b: UnsafeBufferPointer<UInt8>, digitsEnd: Int) -> PolicyDate? {
        guard digitsEnd > 0 else { return nil }
        var seconds: Int64 = 0
        for k in 0..<digitsEnd {
            seconds = seconds * 10 + Int64(b[k] &- 48)
            if seconds > maxEpochSeconds { return nil }
        }
        var ms: Int64 = 0
        if digitsEnd < b.count {
            guard b[digitsEnd] == UInt8(ascii: "."),
                  let (f, end) = fraction(b, digitsEnd + 1), end == b.count
            else { return nil }
            ms = f
        }
        return PolicyDate(epochMilliseconds: seconds * 1000 + ms, hadExplicitZone: true, isEpoch: true)
    }

    static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> PolicyDate? {
        let n = b.count
        guard let year = digits(b, 0, 4) else { return nil }
        var month: Int64 = 1, day: Int64 = 1
        var hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0, ms: Int64 = 0
        var offsetMinutes: Int64 = 0
        var explicitZone = false
        var i = 4
        func done() -> PolicyDate? {
            guard month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year),
                  hour <= 23, minute <= 59, second <= 59
            else { return nil }
            let d = days(fromCivil: year, month, day)
            let secs = d * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
            return PolicyDate(epochMilliseconds: secs * 1000 + ms, hadExplicitZone: explicitZone, isEpoch: false)
        }
        if i == n { return done() }
        guard b[i] == UInt8(ascii: "-"), let mo = digits(b, i + 1, 2) else { return nil }
        month = mo; i += 3
        if i == n { return done() }
        guard b[i] == UInt8(ascii: "-"), let dd = digits(b, i + 1, 2) else { return nil }
        day = dd; i += 3
        if i == n { return done() }
        guard b[i] | 0x20 == UInt8(ascii: "t"),
              let hh = digits(b, i + 1, 2), i + 3 < n, b[i + 3] == UInt8(ascii: ":"),
              let mm = digits(b, i + 4, 2)
        else { return nil }
        hour = hh; minute = mm; i += 6
        if i < n && b[i] == UInt8(ascii: ":") {
            guard let ss = digits(b, i + 1, 2) else { return nil }
            second = ss; i += 3
            if i < n && b[i] == UInt8(ascii: ".") {
                guard let (f, end) = fraction(b, i + 1) else { return nil }
                ms = f; i = end
            }
        }
        if i == n { return done() }
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == n else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == n, let oh = digits(b, i + 1, 2), b[i + 3] == UInt8(ascii: ":"),
                  let om = digits(b, i + 4, 2), oh <= 23, om <= 59
            else { return nil }
            offsetMinutes = (oh * 60 + om) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        explicitZone = true
        return done()
    }
}
