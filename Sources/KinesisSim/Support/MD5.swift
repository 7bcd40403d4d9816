/// MD5 (RFC 1321), which Kinesis uses to map a partition key to a 128-bit hash key.
///
/// Not for security: MD5 is broken as a cryptographic hash. It is here because routing is
/// defined by it.
public enum MD5 {
    /// The 16-byte digest of `bytes`.
    public static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let words = bytes.withContiguousStorageIfAvailable { hash(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { hash($0) }
        var out = [UInt8]()
        out.reserveCapacity(16)
        for word in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return out
    }

    /// The hash key Kinesis derives from a partition key: MD5 of its UTF-8 bytes read as a
    /// big-endian unsigned 128-bit integer. Allocation-free for native strings.
    public static func hashKey(partitionKey: String) -> UInt128 {
        let words = partitionKey.utf8.withContiguousStorageIfAvailable { hash(UnsafeRawBufferPointer($0)) }
            ?? Array(partitionKey.utf8).withUnsafeBytes { hash($0) }
        // The digest is the four state words in little-endian byte order; big-endian reading
        // of those bytes is each word byte-swapped, first word most significant.
        return UInt128(words.0.byteSwapped) << 96 | UInt128(words.1.byteSwapped) << 64
            | UInt128(words.2.byteSwapped) << 32 | UInt128(words.3.byteSwapped)
    }

    typealias State = (UInt32, UInt32, UInt32, UInt32)

    /// The four state words after hashing `message`.
    static func hash(_ message: UnsafeRawBufferPointer) -> State {
        var state: State = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476)
        let fullBlocks = message.count / 64
        for block in 0..<fullBlocks { compress(&state, message, at: block * 64) }
        let rest = message.count - fullBlocks * 64
        // Padding: 0x80, zeros, then the bit length (little-endian) in the last 8 bytes.
        let tailCount = rest < 56 ? 64 : 128
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            if rest > 0 {
                tail.baseAddress!.copyMemory(from: message.baseAddress! + fullBlocks * 64, byteCount: rest)
            }
            tail[rest] = 0x80
            let bits = UInt64(message.count) &* 8
            tail.storeBytes(of: bits.littleEndian, toByteOffset: tailCount - 8, as: UInt64.self)
            let view = UnsafeRawBufferPointer(tail)
            compress(&state, view, at: 0)
            if tailCount == 128 { compress(&state, view, at: 64) }
        }
        return state
    }

    /// One 64-byte block at `offset`.
    @inline(__always)
    private static func compress(_ state: inout State, _ bytes: UnsafeRawBufferPointer, at offset: Int) {
        var x = (UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0),
                 UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0))
        withUnsafeMutableBytes(of: &x) { words in
            words.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 64)]))
        }
        withUnsafeBytes(of: &x) { raw in
            let w = raw.bindMemory(to: UInt32.self)
            var a = state.0, b = state.1, c = state.2, d = state.3
            @inline(__always) func word(_ i: Int) -> UInt32 { UInt32(littleEndian: w[i]) }
            @inline(__always) func rotl(_ v: UInt32, _ s: UInt32) -> UInt32 { (v << s) | (v >> (32 - s)) }
            for i in 0..<64 {
                var f: UInt32
                let g: Int
                switch i {
                case 0..<16: f = (b & c) | (~b & d); g = i
                case 16..<32: f = (d & b) | (~d & c); g = (5 &* i &+ 1) & 15
                case 32..<48: f = b ^ c ^ d; g = (3 &* i &+ 5) & 15
                default: f = c ^ (b | ~d); g = (7 &* i) & 15
                }
                f = f &+ a &+ constants[i] &+ word(g)
                a = d
                d = c
                c = b
                b = b &+ rotl(f, shift(i))
            }
            state.0 &+= a
            state.1 &+= b
            state.2 &+= c
            state.3 &+= d
        }
    }

    /// The per-round shift amounts.
    @inline(__always)
    private static func shift(_ i: Int) -> UInt32 {
        switch (i >> 4, i & 3) {
        case (0, 0): 7
        case (0, 1): 12
        case (0, 2): 17
        case (0, _): 22
        case (1, 0): 5
        case (1, 1): 9
        case (1, 2): 14
        case (1, _): 20
        case (2, 0): 4
        case (2, 1): 11
        case (2, 2): 16
        case (2, _): 23
        case (_, 0): 6
        case (_, 1): 10
        case (_, 2): 15
        default: 21
        }
    }

    /// floor(|sin(i + 1)| × 2^32) for i in 0..<64.
    private static let constants: [UInt32] = [
        0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
        0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
        0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
        0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed, 0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
        0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
        0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
        0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
        0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
    ]
}
