/// An exact decimal number for the `Numeric*` condition operators.
///
/// Accepted text: an optional leading `-`, one or more digits, an optional fraction `.`
/// followed by one or more digits, and an optional JSON-style exponent (`e`/`E`, optional
/// sign, digits; magnitude up to 1,000,000). Leading zeros are allowed (`007`).
/// Rejected: a leading `+`, `.5`, `5.`, whitespace, `NaN`/`Infinity`, hexadecimal.
/// Exponents are accepted because policy JSON may carry numbers such as `1e3` and they cost
/// nothing in this representation; IAM's documentation only shows integers and decimals.
///
/// Representation (normalized, so `==` and hashing are value-based: `1.50 == 1.5`,
/// `-0 == 0`): the value is `±0.d₁d₂…dₙ × 10^exponent` with `d₁ ≠ 0` and `dₙ ≠ 0`. The first
/// 19 significant digits are packed left-aligned into a `UInt64` (so comparing them is one
/// integer compare); any further digits live in a side array that is empty — and allocation
/// free — for the usual short numbers. Comparison is exact at any length.
public struct DecimalNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Significant digits packed into one `UInt64`.
    @usableFromInline static let headDigits = 19

    /// Whether the value is negative (never true for zero).
    public let isNegative: Bool
    /// Decimal exponent: the value's magnitude is `0.digits × 10^exponent` (0 for zero).
    @usableFromInline let exponent: Int64
    /// The first 19 significant digits, left-aligned (`1.5` → 1500000000000000000); 0 for zero.
    @usableFromInline let head: UInt64
    /// Significant digits after the 19th (values 0–9), without trailing zeros.
    @usableFromInline let tail: [UInt8]

    /// Zero.
    public static let zero = DecimalNumber(isNegative: false, exponent: 0, head: 0, tail: [])

    @usableFromInline init(isNegative: Bool, exponent: Int64, head: UInt64, tail: [UInt8]) {
        self.isNegative = isNegative
        self.exponent = exponent
        self.head = head
        self.tail = tail
    }

    /// An exact decimal for an integer.
    public init(_ value: Int64) {
        // String(Int64) is always a valid number; `.zero` is unreachable.
        self = DecimalNumber(parsing: String(value)) ?? .zero
    }

    /// Parses a decimal number (see the type's documentation); `nil` if malformed.
    public init?(parsing text: String) {
        var text = text
        guard let parsed = text.withUTF8({ DecimalNumber.parse($0) }) else { return nil }
        self = parsed
    }

    /// Whether the value is zero.
    @inlinable public var isZero: Bool { head == 0 }

    /// Parses UTF-8 bytes; `nil` if malformed.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> DecimalNumber? {
        let n = b.count
        var i = 0
        var negative = false
        if i < n && b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        // Integer part.
        let intStart = i
        while i < n, b[i] &- 48 < 10 { i += 1 }
        let intEnd = i
        guard intEnd > intStart else { return nil }
        // Fraction.
        var fracStart = i, fracEnd = i
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            fracStart = i
            while i < n, b[i] &- 48 < 10 { i += 1 }
            fracEnd = i
            guard fracEnd > fracStart else { return nil }
        }
        // Exponent.
        var exp10: Int64 = 0
        if i < n && (b[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) {
                expNegative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            let expStart = i
            while i < n, b[i] &- 48 < 10 {
                exp10 = exp10 * 10 + Int64(b[i] &- 48)
                if exp10 > 1_000_000 { return nil }
                i += 1
            }
            guard i > expStart else { return nil }
            if expNegative { exp10 = -exp10 }
        }
        guard i == n else { return nil }

        // Significant digits: the integer digits then the fraction digits, skipping leading
        // zeros and dropping trailing zeros.
        var head: UInt64 = 0
        var count = 0           // significant digits stored so far (including inner zeros)
        var pendingZeros = 0    // zeros seen after the last non-zero digit, not yet stored
        var tail: [UInt8] = []
        var exponent: Int64 = Int64(intEnd - intStart)  // position of the point after integer digits
        var started = false
        func push(_ d: UInt8) {
            if d == 0 { pendingZeros += 1; return }
            for _ in 0..<pendingZeros { store(0) }
            pendingZeros = 0
            store(d)
        }
        func store(_ d: UInt8) {
            if count < headDigits { head = head &* 10 &+ UInt64(d) } else { tail.append(d) }
            count += 1
        }
        for k in intStart..<intEnd {
            let d = b[k] &- 48
            if !started {
                if d == 0 { exponent -= 1; continue }
                started = true
            }
            push(d)
        }
        for k in fracStart..<fracEnd {
            let d = b[k] &- 48
            if !started {
                if d == 0 { exponent -= 1; continue }
                started = true
            }
            push(d)
        }
        guard started else { return .zero }
        // Left-align the head to 19 digits.
        var stored = min(count, headDigits)
        while stored < headDigits { head &*= 10; stored += 1 }
        return DecimalNumber(isNegative: negative, exponent: exponent + exp10, head: head, tail: tail)
    }

    /// Compares magnitudes: -1, 0 or 1.
    @inlinable static func compareMagnitude(_ a: DecimalNumber, _ b: DecimalNumber) -> Int {
        if a.head == 0 || b.head == 0 {
            return a.head == b.head ? 0 : (a.head == 0 ? -1 : 1)
        }
        if a.exponent != b.exponent { return a.exponent < b.exponent ? -1 : 1 }
        if a.head != b.head { return a.head < b.head ? -1 : 1 }
        if a.tail.isEmpty && b.tail.isEmpty { return 0 }
        let m = min(a.tail.count, b.tail.count)
        for k in 0..<m where a.tail[k] != b.tail[k] {
            return a.tail[k] < b.tail[k] ? -1 : 1
        }
        return a.tail.count == b.tail.count ? 0 : (a.tail.count < b.tail.count ? -1 : 1)
    }

    /// Exact three-way comparison: -1, 0 or 1.
    @inlinable public func compare(to other: DecimalNumber) -> Int {
        if isNegative != other.isNegative { return isNegative ? -1 : 1 }
        let m = DecimalNumber.compareMagnitude(self, other)
        return isNegative ? -m : m
    }

    /// Exact ordering.
    @inlinable public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool {
        a.compare(to: b) < 0
    }

    /// The significant digits as values 0–9.
    var significantDigits: [UInt8] {
        if head == 0 { return [] }
        var digits = [UInt8](repeating: 0, count: DecimalNumber.headDigits)
        var h = head
        for k in stride(from: DecimalNumber.headDigits - 1, through: 0, by: -1) {
            digits[k] = UInt8(h % 10)
            h /= 10
        }
        if tail.isEmpty {
            while digits.last == 0 { digits.removeLast() }
        } else {
            digits += tail
        }
        return digits
    }

    /// Plain decimal notation without exponent, trailing zeros or a redundant sign
    /// (`1.50` → `1.5`, `-0` → `0`, `1e3` → `1000`).
    public var description: String {
        let digits = significantDigits
        if digits.isEmpty { return "0" }
        var out: [UInt8] = []
        if isNegative { out.append(UInt8(ascii: "-")) }
        let count = Int64(digits.count)
        if exponent <= 0 {
            out += Array("0.".utf8)
            out += [UInt8](repeating: UInt8(ascii: "0"), count: Int(-exponent))
            out += digits.map { $0 + 48 }
        } else if exponent >= count {
            out += digits.map { $0 + 48 }
            out += [UInt8](repeating: UInt8(ascii: "0"), count: Int(exponent - count))
        } else {
            let point = Int(exponent)
            out += digits[0..<point].map { $0 + 48 }
            out.append(UInt8(ascii: "."))
            out += digits[point...].map { $0 + 48 }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
