/// SHA-256 (FIPS 180-4): request payload hashes and signing keys for SigV4, and the hash
/// chain of the progress log.
///
/// Incremental: `update` any number of times, then `finalize` once. Contiguous input
/// (arrays, `String.UTF8View` of native strings) is compressed straight from its storage,
/// 64 bytes at a time; other sequences go through a small block buffer.
public struct SHA256: Sendable {
    private var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85, h2: UInt32 = 0x3c6e_f372, h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c, h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19
    // INVARIANT: the first `pendingCount` (< 64) bytes of `pending` are the start of a block
    // not yet compressed. Inline storage: hashing allocates nothing but its result.
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var length: UInt64 = 0

    /// A hasher with nothing hashed yet.
    public init() {}

    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var h = SHA256()
        h.update(bytes)
        return h.finalize()
    }

    /// The digest of `text`'s UTF-8 bytes as 64 lowercase hex digits.
    public static func hexDigest(_ text: String) -> String {
        var h = SHA256()
        var t = text
        t.withUTF8 { h.update(UnsafeRawBufferPointer($0)) }
        return Hex.encode(h.finalize())
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done != nil { return }
        for byte in bytes {
            withUnsafeBytes(of: byte) { update($0) }
        }
    }

    /// Adds the bytes in `buffer` to the message.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard var p = buffer.baseAddress, !buffer.isEmpty else { return }
        var remaining = buffer.count
        length &+= UInt64(remaining)
        if pendingCount > 0 {
            let take = min(64 - pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.advanced(by: offset).copyMemory(from: p, byteCount: take) }
            pendingCount += take
            p += take
            remaining -= take
            guard pendingCount == 64 else { return }
            compressPending()
        }
        while remaining >= 64 {
            compress(p)
            p += 64
            remaining -= 64
        }
        if remaining > 0 {
            let count = remaining
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: p, byteCount: count) }
            pendingCount = remaining
        }
    }

    /// Compresses the full pending block and empties it.
    private mutating func compressPending() {
        let block = pending
        withUnsafeBytes(of: block) { compress($0.baseAddress!) }
        pendingCount = 0
    }

    /// Pads the message and returns its digest.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        // 0x80, zeros up to 56 bytes into a block, then the length: one block or two.
        let padCount = pendingCount < 56 ? 64 - pendingCount : 128 - pendingCount
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { pad in
            pad.initializeMemory(as: UInt8.self, repeating: 0)
            pad[0] = 0x80
            for i in 0..<8 { pad[padCount - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(i * 8)) }
            update(UnsafeRawBufferPointer(rebasing: pad[0..<padCount]))
        }
        let words = (h0, h1, h2, h3, h4, h5, h6, h7)
        return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            withUnsafeBytes(of: words) { raw in
                for i in 0..<8 {
                    let word = raw.load(fromByteOffset: i * 4, as: UInt32.self)
                    out[i * 4] = UInt8(truncatingIfNeeded: word >> 24)
                    out[i * 4 + 1] = UInt8(truncatingIfNeeded: word >> 16)
                    out[i * 4 + 2] = UInt8(truncatingIfNeeded: word >> 8)
                    out[i * 4 + 3] = UInt8(truncatingIfNeeded: word)
                }
            }
            count = 32
        }
    }

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Compresses the 64 bytes at `block` into the state.
    private mutating func compress(_ block: UnsafeRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { buffer in
            let w = buffer.baseAddress!
            for i in 0..<16 {
                w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
            }
            for i in 16..<64 {
                let x = w[i - 15], y = w[i - 2]
                let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)
                let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            let start = (h0, h1, h2, h3, h4, h5, h6, h7)
            // The working variables live inside the closure (locals, so registers) and come
            // back as its result.
            let (a, b, c, d, e, f, g, h) = Self.k.withUnsafeBufferPointer { table in
                let k = table.baseAddress!
                var (a, b, c, d, e, f, g, h) = start
                // Eight rounds per pass with the variables' roles rotated by hand, so no
                // round shuffles eight registers.
                var i = 0
                while i < 64 {
                    Self.round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                    Self.round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                    Self.round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                    Self.round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                    Self.round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
                    Self.round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
                    Self.round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
                    Self.round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
                    i += 8
                }
                return (a, b, c, d, e, f, g, h)
            }
            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
        }
    }

    /// One round: `d` takes `d + T1` and `h` takes `T1 + T2` (FIPS 180-4, 6.2.2 step 3, with
    /// the renaming of the other six left to the caller).
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
        let ch = g ^ (e & (f ^ g))
        let t1 = h &+ s1 &+ ch &+ kw
        let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
        let maj = (a & b) | (c & (a | b))
        d &+= t1
        h = t1 &+ s0 &+ maj
    }
}

extension UInt32 {
    @inline(__always)
    fileprivate func rotatedRight(_ n: UInt32) -> UInt32 { (self &>> n) | (self &<< (32 &- n)) }
}
