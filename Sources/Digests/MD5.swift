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
        var key = partitionKey
        let words = key.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
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

    /// One 64-byte block at `offset`: the 64 steps of RFC 1321 §3.4, unrolled.
    private static func compress(_ state: inout State, _ bytes: UnsafeRawBufferPointer, at offset: Int) {
        @inline(__always) func word(_ i: Int) -> UInt32 {
            UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * i, as: UInt32.self))
        }
        @inline(__always) func rotl(_ v: UInt32, _ s: UInt32) -> UInt32 { (v &<< s) | (v &>> (32 &- s)) }
        @inline(__always) func F(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ t: UInt32, _ s: UInt32) -> UInt32 {
            b &+ rotl(a &+ ((b & c) | (~b & d)) &+ x &+ t, s)
        }
        @inline(__always) func G(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ t: UInt32, _ s: UInt32) -> UInt32 {
            b &+ rotl(a &+ ((b & d) | (c & ~d)) &+ x &+ t, s)
        }
        @inline(__always) func H(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ t: UInt32, _ s: UInt32) -> UInt32 {
            b &+ rotl(a &+ (b ^ c ^ d) &+ x &+ t, s)
        }
        @inline(__always) func I(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ t: UInt32, _ s: UInt32) -> UInt32 {
            b &+ rotl(a &+ (c ^ (b | ~d)) &+ x &+ t, s)
        }
        let w0 = word(0), w1 = word(1), w2 = word(2), w3 = word(3), w4 = word(4), w5 = word(5), w6 = word(6), w7 = word(7)
        let w8 = word(8), w9 = word(9), w10 = word(10), w11 = word(11), w12 = word(12), w13 = word(13), w14 = word(14)
        let w15 = word(15)
        var a = state.0, b = state.1, c = state.2, d = state.3
        a = F(a, b, c, d, w0 , 0xd76aa478, 7)
        d = F(d, a, b, c, w1 , 0xe8c7b756, 12)
        c = F(c, d, a, b, w2 , 0x242070db, 17)
        b = F(b, c, d, a, w3 , 0xc1bdceee, 22)
        a = F(a, b, c, d, w4 , 0xf57c0faf, 7)
        d = F(d, a, b, c, w5 , 0x4787c62a, 12)
        c = F(c, d, a, b, w6 , 0xa8304613, 17)
        b = F(b, c, d, a, w7 , 0xfd469501, 22)
        a = F(a, b, c, d, w8 , 0x698098d8, 7)
        d = F(d, a, b, c, w9 , 0x8b44f7af, 12)
        c = F(c, d, a, b, w10, 0xffff5bb1, 17)
        b = F(b, c, d, a, w11, 0x895cd7be, 22)
        a = F(a, b, c, d, w12, 0x6b901122, 7)
        d = F(d, a, b, c, w13, 0xfd987193, 12)
        c = F(c, d, a, b, w14, 0xa679438e, 17)
        b = F(b, c, d, a, w15, 0x49b40821, 22)
        a = G(a, b, c, d, w1 , 0xf61e2562, 5)
        d = G(d, a, b, c, w6 , 0xc040b340, 9)
        c = G(c, d, a, b, w11, 0x265e5a51, 14)
        b = G(b, c, d, a, w0 , 0xe9b6c7aa, 20)
        a = G(a, b, c, d, w5 , 0xd62f105d, 5)
        d = G(d, a, b, c, w10, 0x02441453, 9)
        c = G(c, d, a, b, w15, 0xd8a1e681, 14)
        b = G(b, c, d, a, w4 , 0xe7d3fbc8, 20)
        a = G(a, b, c, d, w9 , 0x21e1cde6, 5)
        d = G(d, a, b, c, w14, 0xc33707d6, 9)
        c = G(c, d, a, b, w3 , 0xf4d50d87, 14)
        b = G(b, c, d, a, w8 , 0x455a14ed, 20)
        a = G(a, b, c, d, w13, 0xa9e3e905, 5)
        d = G(d, a, b, c, w2 , 0xfcefa3f8, 9)
        c = G(c, d, a, b, w7 , 0x676f02d9, 14)
        b = G(b, c, d, a, w12, 0x8d2a4c8a, 20)
        a = H(a, b, c, d, w5 , 0xfffa3942, 4)
        d = H(d, a, b, c, w8 , 0x8771f681, 11)
        c = H(c, d, a, b, w11, 0x6d9d6122, 16)
        b = H(b, c, d, a, w14, 0xfde5380c, 23)
        a = H(a, b, c, d, w1 , 0xa4beea44, 4)
        d = H(d, a, b, c, w4 , 0x4bdecfa9, 11)
        c = H(c, d, a, b, w7 , 0xf6bb4b60, 16)
        b = H(b, c, d, a, w10, 0xbebfbc70, 23)
        a = H(a, b, c, d, w13, 0x289b7ec6, 4)
        d = H(d, a, b, c, w0 , 0xeaa127fa, 11)
        c = H(c, d, a, b, w3 , 0xd4ef3085, 16)
        b = H(b, c, d, a, w6 , 0x04881d05, 23)
        a = H(a, b, c, d, w9 , 0xd9d4d039, 4)
        d = H(d, a, b, c, w12, 0xe6db99e5, 11)
        c = H(c, d, a, b, w15, 0x1fa27cf8, 16)
        b = H(b, c, d, a, w2 , 0xc4ac5665, 23)
        a = I(a, b, c, d, w0 , 0xf4292244, 6)
        d = I(d, a, b, c, w7 , 0x432aff97, 10)
        c = I(c, d, a, b, w14, 0xab9423a7, 15)
        b = I(b, c, d, a, w5 , 0xfc93a039, 21)
        a = I(a, b, c, d, w12, 0x655b59c3, 6)
        d = I(d, a, b, c, w3 , 0x8f0ccc92, 10)
        c = I(c, d, a, b, w10, 0xffeff47d, 15)
        b = I(b, c, d, a, w1 , 0x85845dd1, 21)
        a = I(a, b, c, d, w8 , 0x6fa87e4f, 6)
        d = I(d, a, b, c, w15, 0xfe2ce6e0, 10)
        c = I(c, d, a, b, w6 , 0xa3014314, 15)
        b = I(b, c, d, a, w13, 0x4e0811a1, 21)
        a = I(a, b, c, d, w4 , 0xf7537e82, 6)
        d = I(d, a, b, c, w11, 0xbd3af235, 10)
        c = I(c, d, a, b, w2 , 0x2ad7d2bb, 15)
        b = I(b, c, d, a, w9 , 0xeb86d391, 21)
        state.0 &+= a
        state.1 &+= b
        state.2 &+= c
        state.3 &+= d
    }
}
