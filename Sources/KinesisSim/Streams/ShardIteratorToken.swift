import IAMPolicy

/// What a shard iterator string carries: the stream (its ARN and creation time, so a
/// re-created stream of the same name refuses old iterators), the shard, a stable record
/// position and when it was issued.
///
/// Wire form: base64 of `00 00 00 00 00 00 00 01` (a version, as AWS's iterators begin), the
/// fields, the ARN's UTF-8 bytes, and an 8-byte keyed check over all of it, so an edited or
/// made-up iterator is refused. About 80 + 4/3 × ARN length characters (at most 512).
struct ShardIteratorToken: Sendable, Equatable {
    var streamARN: String
    var streamCreatedAt: Int64
    var shardIndex: Int
    /// A stable record position (see `RecordLog.positionShift`).
    var position: Int
    var issuedAt: Int64

    private static let version: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 1]

    /// The iterator string, sealed with `key`.
    func sealed(with key: UInt64) -> String {
        var bytes = Self.version
        bytes.reserveCapacity(48 + streamARN.utf8.count)
        Self.put(UInt64(bitPattern: streamCreatedAt), into: &bytes)
        Self.put(UInt64(shardIndex), into: &bytes)
        Self.put(UInt64(position), into: &bytes)
        Self.put(UInt64(bitPattern: issuedAt), into: &bytes)
        bytes.append(contentsOf: streamARN.utf8)
        Self.put(Self.check(bytes, key: key), into: &bytes)
        return Base64.encode(bytes)
    }

    /// The token `text` carries, or `nil` when it is not an intact iterator sealed with `key`.
    init?(opening text: String, key: UInt64) {
        guard text.utf8.count <= 512, let bytes = Base64.decode(text), bytes.count > 48,
              bytes[0..<8].elementsEqual(Self.version) else { return nil }
        let body = bytes[0..<(bytes.count - 8)]
        guard Self.check(body, key: key) == Self.get(bytes, at: bytes.count - 8) else { return nil }
        let shard = Self.get(bytes, at: 16), position = Self.get(bytes, at: 24)
        guard shard <= UInt64(Int32.max), position <= UInt64(Int.max) else { return nil }
        streamCreatedAt = Int64(bitPattern: Self.get(bytes, at: 8))
        shardIndex = Int(shard)
        self.position = Int(position)
        issuedAt = Int64(bitPattern: Self.get(bytes, at: 32))
        // The key is derived from the world's seed, so a token can be forged: times outside
        // any real date would overflow the expiry arithmetic.
        guard Timestamp.wireRange.contains(streamCreatedAt), Timestamp.wireRange.contains(issuedAt) else { return nil }
        streamARN = String(decoding: bytes[40..<(bytes.count - 8)], as: UTF8.self)
    }

    init(streamARN: String, streamCreatedAt: Int64, shardIndex: Int, position: Int, issuedAt: Int64) {
        self.streamARN = streamARN
        self.streamCreatedAt = streamCreatedAt
        self.shardIndex = shardIndex
        self.position = position
        self.issuedAt = issuedAt
    }

    private static func put(_ v: UInt64, into bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    private static func get(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        bytes[offset..<(offset + 8)].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A keyed 64-bit check: each 8-byte word is folded into a SplitMix-style mixer seeded
    /// with the key, then the length and the key again. Not cryptography, but no one without
    /// the world's key makes a valid one except by chance (2^-64).
    static func check(_ bytes: some Collection<UInt8>, key: UInt64) -> UInt64 {
        func mix(_ x: UInt64) -> UInt64 {
            var z = x &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var h = mix(key)
        var word: UInt64 = 0
        var n = 0
        for b in bytes {
            word = word << 8 | UInt64(b)
            n += 1
            if n % 8 == 0 {
                h = mix(h ^ word)
                word = 0
            }
        }
        h = mix(h ^ word ^ (UInt64(n) << 56))
        return mix(h ^ key)
    }
}
