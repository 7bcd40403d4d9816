/// An IPv4 or IPv6 address, parsed once into a 128-bit value for cheap comparisons.
///
/// The value lives in two `UInt64` halves. An IPv4 address occupies the low 32 bits of
/// `low` (`high` is zero) and keeps `family == .v4`, so it never equals an IPv6 address,
/// not even its IPv4-mapped form `::ffff:a.b.c.d`, which stays an IPv6 address.
///
/// Parsing decisions:
/// - IPv4 is strict dotted-quad: exactly four decimal octets, each 0–255, **no leading zeros**
///   (`01.2.3.4` is rejected: legacy parsers read it as octal, so it is ambiguous), no
///   shorthand forms (`10.1`), no whitespace.
/// - IPv6 accepts the full form, `::` compression (once, standing for one or more zero
///   groups), 1–4 hex digits per group in either case, and an embedded dotted-quad tail in
///   the last 32 bits (`::ffff:192.0.2.1`, `64:ff9b::198.51.100.7`).
/// - Zone identifiers (`fe80::1%eth0`), brackets, and any other character are rejected.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address family.
    public enum Family: UInt8, Sendable, Hashable {
        /// IPv4: 32 bits.
        case v4
        /// IPv6: 128 bits.
        case v6

        /// The number of bits in an address of this family (32 or 128).
        @inlinable public var bitWidth: Int { self == .v4 ? 32 : 128 }
    }

    /// The address family.
    public let family: Family
    /// The high 64 bits of the 128-bit value (always zero for IPv4).
    public let high: UInt64
    /// The low 64 bits of the 128-bit value (an IPv4 address is in the low 32 bits).
    public let low: UInt64

    /// An IPv4 address from its 32-bit value in host order (`0xC0000201` is `192.0.2.1`).
    @inlinable public init(v4 value: UInt32) {
        family = .v4
        high = 0
        low = UInt64(value)
    }

    /// An IPv6 address from its high and low 64-bit halves.
    @inlinable public init(v6High high: UInt64, low: UInt64) {
        family = .v6
        self.high = high
        self.low = low
    }

    /// Parses an IPv4 dotted quad or an IPv6 address (see the type's documentation for
    /// the accepted forms). Returns `nil` for anything else.
    public init?(parsing text: String) {
        var text = text
        guard let parsed = text.withUTF8({ IPAddress.parse($0) }) else { return nil }
        self = parsed
    }

    /// Parses the UTF-8 bytes of an address; `nil` if malformed.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        if bytes.isEmpty { return nil }
        if bytes.contains(UInt8(ascii: ":")) {
            return parseV6(bytes)
        }
        guard let v4 = parseV4(bytes, from: 0, to: bytes.count) else { return nil }
        return IPAddress(v4: v4)
    }

    /// The IPv4 value as 32 bits, or `nil` for an IPv6 address.
    @inlinable public var v4Value: UInt32? {
        family == .v4 ? UInt32(truncatingIfNeeded: low) : nil
    }

    /// Whether this is an IPv4-mapped IPv6 address (`::ffff:0:0/96`).
    @inlinable public var isIPv4Mapped: Bool {
        family == .v6 && high == 0 && (low >> 32) == 0xFFFF
    }

    /// The canonical text form.
    ///
    /// IPv4: dotted quad. IPv6: RFC 5952 — lower-case hex without leading zeros, the longest
    /// run (first on a tie) of two or more zero groups compressed to `::`; IPv4-mapped
    /// addresses print their tail as a dotted quad (`::ffff:192.0.2.1`).
    public var description: String {
        switch family {
        case .v4:
            return IPAddress.dottedQuad(UInt32(truncatingIfNeeded: low))
        case .v6:
            if isIPv4Mapped {
                return "::ffff:" + IPAddress.dottedQuad(UInt32(truncatingIfNeeded: low))
            }
            var groups = [UInt16](repeating: 0, count: 8)
            for i in 0..<4 {
                groups[i] = UInt16(truncatingIfNeeded: high >> UInt64(48 - 16 * i))
                groups[i + 4] = UInt16(truncatingIfNeeded: low >> UInt64(48 - 16 * i))
            }
            // Longest run of zero groups, length >= 2; first one wins a tie.
            var bestStart = -1, bestLen = 0, i = 0
            while i < 8 {
                if groups[i] == 0 {
                    var j = i
                    while j < 8 && groups[j] == 0 { j += 1 }
                    if j - i > bestLen { bestStart = i; bestLen = j - i }
                    i = j
                } else {
                    i += 1
                }
            }
            if bestLen < 2 { bestStart = -1 }
            var out = ""
            out.reserveCapacity(39)
            i = 0
            var needColon = false
            while i < 8 {
                if i == bestStart {
                    out += "::"
                    i += bestLen
                    needColon = false
                    continue
                }
                if needColon { out += ":" }
                out += String(groups[i], radix: 16)
                needColon = true
                i += 1
            }
            return out
        }
    }

    // MARK: - Parsing internals

    static func dottedQuad(_ v: UInt32) -> String {
        "\(v >> 24).\((v >> 16) & 0xFF).\((v >> 8) & 0xFF).\(v & 0xFF)"
    }

    /// Parses a strict dotted quad in `bytes[from..<to]`.
    static func parseV4(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> UInt32? {
        var value: UInt32 = 0
        var octets = 0
        var i = from
        while true {
            // One octet: 1–3 digits, no leading zero unless the octet is exactly "0".
            let start = i
            var octet: UInt32 = 0
            while i < to, bytes[i] &- UInt8(ascii: "0") < 10 {
                octet = octet &* 10 &+ UInt32(bytes[i] &- UInt8(ascii: "0"))
                i += 1
                if i - start > 3 { return nil }
            }
            let len = i - start
            if len == 0 || octet > 255 { return nil }
            if len > 1 && bytes[start] == UInt8(ascii: "0") { return nil }
            value = value << 8 | octet
            octets += 1
            if octets == 4 { return i == to ? value : nil }
            guard i < to, bytes[i] == UInt8(ascii: ".") else { return nil }
            i += 1
        }
    }

    @inline(__always)
    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func parseV6(_ bytes: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        let n = bytes.count
        let colon = UInt8(ascii: ":")
        var groups = SIMD8<UInt16>()
        var count = 0
        var gap = -1  // index in `groups` where `::` sits
        var i = 0
        if bytes[0] == colon {
            guard n >= 2, bytes[1] == colon else { return nil }
            gap = 0
            i = 2
        }
        while i < n {
            let start = i
            var group: UInt32 = 0
            while i < n, let h = hexValue(bytes[i]) {
                group = group << 4 | UInt32(h)
                i += 1
                if i - start > 4 { break }
            }
            if i < n && bytes[i] == UInt8(ascii: ".") {
                // Embedded IPv4 tail: must be the last thing and fit in two groups.
                guard count <= 6, let v4 = parseV4(bytes, from: start, to: n) else { return nil }
                groups[count] = UInt16(truncatingIfNeeded: v4 >> 16)
                groups[count + 1] = UInt16(truncatingIfNeeded: v4)
                count += 2
                i = n
                break
            }
            let len = i - start
            if len == 0 || len > 4 || count == 8 { return nil }
            groups[count] = UInt16(group)
            count += 1
            if i == n { break }
            guard bytes[i] == colon else { return nil }
            i += 1
            if i < n && bytes[i] == colon {
                if gap >= 0 { return nil }
                gap = count
                i += 1
                if i == n { break }
            } else if i == n {
                return nil  // trailing single colon
            }
        }
        if gap >= 0 {
            if count > 7 { return nil }
            let shift = 8 - count
            var expanded = SIMD8<UInt16>()
            for k in 0..<gap { expanded[k] = groups[k] }
            for k in gap..<count { expanded[k + shift] = groups[k] }
            groups = expanded
        } else if count != 8 {
            return nil
        }
        var hi: UInt64 = 0, lo: UInt64 = 0
        for k in 0..<4 {
            hi = hi << 16 | UInt64(groups[k])
            lo = lo << 16 | UInt64(groups[k + 4])
        }
        return IPAddress(v6High: hi, low: lo)
    }
}
