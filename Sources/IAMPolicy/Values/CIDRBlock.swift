/// An IPv4 or IPv6 CIDR block (RFC 4632 notation) for `IpAddress`/`NotIpAddress`.
///
/// The network and mask are precomputed as 128-bit halves, so `contains(_:)` is two ANDs and
/// two compares.
///
/// Decisions:
/// - No prefix means a single address: `/32` for IPv4 (documented by AWS) and `/128` for
///   IPv6 (not documented; `hasExplicitPrefix` lets a linter flag it).
/// - The prefix is 1–3 decimal digits without leading zeros (`/08` is rejected), 0–32 for
///   IPv4 and 0–128 for IPv6.
/// - Host bits beyond the prefix (`10.0.0.1/8`) are accepted and masked away, as AWS does;
///   `hostBitsSet` reports them so a linter can warn.
/// - Families never mix: an IPv4 address is never inside an IPv6 block and vice versa.
///   IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`) are treated as IPv6 and are **not**
///   mapped into IPv4 blocks.
public struct CIDRBlock: Sendable, Hashable, CustomStringConvertible {
    /// The address as written, host bits included.
    public let address: IPAddress
    /// The prefix length in bits (0–32 for IPv4, 0–128 for IPv6).
    public let prefixLength: Int
    /// Whether the text carried a `/prefix`.
    public let hasExplicitPrefix: Bool
    /// Mask and network, as 128-bit halves (IPv4 uses the low 32 bits).
    @usableFromInline let maskHigh: UInt64
    @usableFromInline let maskLow: UInt64
    @usableFromInline let networkHigh: UInt64
    @usableFromInline let networkLow: UInt64

    /// A block from an address and a prefix length; `nil` if the prefix is out of range for
    /// the address family.
    public init?(address: IPAddress, prefixLength: Int, hasExplicitPrefix: Bool = true) {
        guard prefixLength >= 0, prefixLength <= address.family.bitWidth else { return nil }
        self.address = address
        self.prefixLength = prefixLength
        self.hasExplicitPrefix = hasExplicitPrefix
        // Express the mask in 128-bit space; IPv4's 32 bits are the lowest ones.
        let bits = address.family == .v4 ? prefixLength + 96 : prefixLength
        let mh: UInt64 = bits >= 64 ? ~0 : (bits == 0 ? 0 : ~0 << UInt64(64 - bits))
        var ml: UInt64 = bits <= 64 ? 0 : ~0 << UInt64(128 - bits)
        if address.family == .v4 { ml &= 0xFFFF_FFFF }
        maskHigh = address.family == .v4 ? 0 : mh
        maskLow = ml
        networkHigh = address.high & maskHigh
        networkLow = address.low & maskLow
    }

    /// Parses `address` or `address/prefix` (see the type's documentation). `nil` if malformed.
    public init?(parsing text: String) {
        var text = text
        let parsed: CIDRBlock? = text.withUTF8 { bytes in
            guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
                guard let a = IPAddress.parse(bytes) else { return nil }
                return CIDRBlock(address: a, prefixLength: a.family.bitWidth, hasExplicitPrefix: false)
            }
            let addrBytes = UnsafeBufferPointer(rebasing: bytes[0..<slash])
            guard let a = IPAddress.parse(addrBytes) else { return nil }
            let digits = bytes.count - slash - 1
            guard digits >= 1, digits <= 3 else { return nil }
            if digits > 1 && bytes[slash + 1] == UInt8(ascii: "0") { return nil }
            var prefix = 0
            for k in (slash + 1)..<bytes.count {
                let d = bytes[k] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                prefix = prefix * 10 + Int(d)
            }
            return CIDRBlock(address: a, prefixLength: prefix, hasExplicitPrefix: true)
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// The address family of the block.
    @inlinable public var family: IPAddress.Family { address.family }

    /// Whether the written address has bits set beyond the prefix (`10.0.0.1/8`).
    public var hostBitsSet: Bool {
        address.high != networkHigh || address.low != networkLow
    }

    /// The first address of the block (host bits cleared).
    public var network: IPAddress {
        address.family == .v4
            ? IPAddress(v4: UInt32(truncatingIfNeeded: networkLow))
            : IPAddress(v6High: networkHigh, low: networkLow)
    }

    /// Whether `candidate` lies inside the block (boundaries inclusive). Always `false`
    /// across families.
    @inlinable public func contains(_ candidate: IPAddress) -> Bool {
        candidate.family == address.family
            && candidate.high & maskHigh == networkHigh
            && candidate.low & maskLow == networkLow
    }

    /// The block as written, normalized: canonical address text plus `/prefix` when one
    /// was given (host bits are kept, not masked).
    public var description: String {
        hasExplicitPrefix ? "\(address)/\(prefixLength)" : address.description
    }
}
