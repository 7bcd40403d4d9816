/// Strict standard Base64 (RFC 4648 §4) for `BinaryEquals` and Kinesis record data.
///
/// Decoding rules:
/// - the standard alphabet `A–Z a–z 0–9 + /` only: the URL-safe `-`/`_` are rejected;
/// - padding is required: the length must be a multiple of 4, with `=` only as the last one
///   or two characters;
/// - no whitespace or line breaks anywhere;
/// - non-zero trailing bits in the last symbol (`Zh==` instead of `Zg==`) are **accepted**
///   and ignored, as most decoders do; `encode` always produces the canonical form.
///
/// Decoding works on the UTF-8 bytes with a 256-entry lookup table, four symbols at a time.
public enum Base64 {
    /// The standard alphabet, indexed by 6-bit value.
    @usableFromInline static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Decoding table: byte → 6-bit value, or 0xFF for bytes outside the alphabet.
    @usableFromInline static let decodeTable: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// Decodes strict, padded standard Base64; `nil` if `s` is not exactly that.
    public static func decode(_ s: String) -> [UInt8]? {
        if let r = s.utf8.withContiguousStorageIfAvailable({ decode(bytes: $0) }) { return r }
        return Array(s.utf8).withUnsafeBufferPointer { decode(bytes: $0) }
    }

    /// Decodes strict, padded standard Base64 from its bytes; `nil` if malformed.
    public static func decode(bytes src: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let n = src.count
        if n == 0 { return [] }
        guard n % 4 == 0 else { return nil }
        let eq = UInt8(ascii: "=")
        var pad = 0
        if src[n - 1] == eq { pad = src[n - 2] == eq ? 2 : 1 }
        let outCount = n / 4 * 3 - pad
        let fullQuads = pad == 0 ? n / 4 : n / 4 - 1
        var ok = true
        let out = decodeTable.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: outCount) { dst, initialized in
                var o = 0
                var i = 0
                var bad: UInt8 = 0
                for _ in 0..<fullQuads {
                    let a = table[Int(src[i])], b = table[Int(src[i + 1])]
                    let c = table[Int(src[i + 2])], d = table[Int(src[i + 3])]
                    bad |= a | b | c | d
                    let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    dst[o] = UInt8(truncatingIfNeeded: v >> 16)
                    dst[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
                    dst[o + 2] = UInt8(truncatingIfNeeded: v)
                    o += 3
                    i += 4
                }
                if pad > 0 {
                    let a = table[Int(src[i])], b = table[Int(src[i + 1])]
                    let c = pad == 2 ? 0 : table[Int(src[i + 2])]
                    bad |= a | b | c
                    let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6
                    dst[o] = UInt8(truncatingIfNeeded: v >> 16)
                    if pad == 1 { dst[o + 1] = UInt8(truncatingIfNeeded: v >> 8) }
                }
                // Any 0xFF entry (invalid byte, or a stray `=`) sets the high bits.
                ok = bad & 0xC0 == 0
                if !ok {
                    // Zero the output so every slot is initialized before returning.
                    for k in 0..<outCount { dst[k] = 0 }
                }
                initialized = outCount
            }
        }
        return ok ? out : nil
    }

    /// Encodes `bytes` as standard Base64 with padding.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: encodedBytes(bytes), as: UTF8.self)
    }

    /// The standard Base64 of `bytes` (with padding) as ASCII bytes.
    public static func encodedBytes(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        append(encoding: Array(bytes), to: &out)
        return out
    }

    /// Appends the standard Base64 of `input` (with padding) to `out`, with no other copy.
    public static func append(encoding input: [UInt8], to out: inout [UInt8]) {
        let n = input.count
        let outCount = (n + 2) / 3 * 4
        guard outCount > 0 else { return }
        let base = out.count
        out.append(contentsOf: repeatElement(0, count: outCount))
        alphabet.withUnsafeBufferPointer { abc in
            input.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { whole in
                    let dst = UnsafeMutableBufferPointer(rebasing: whole[base...])
                    var i = 0, o = 0
                    while i + 3 <= n {
                        let v = UInt32(src[i]) << 16 | UInt32(src[i + 1]) << 8 | UInt32(src[i + 2])
                        dst[o] = abc[Int(v >> 18)]
                        dst[o + 1] = abc[Int(v >> 12 & 0x3F)]
                        dst[o + 2] = abc[Int(v >> 6 & 0x3F)]
                        dst[o + 3] = abc[Int(v & 0x3F)]
                        i += 3
                        o += 4
                    }
                    let rest = n - i
                    if rest > 0 {
                        var v = UInt32(src[i]) << 16
                        if rest == 2 { v |= UInt32(src[i + 1]) << 8 }
                        dst[o] = abc[Int(v >> 18)]
                        dst[o + 1] = abc[Int(v >> 12 & 0x3F)]
                        dst[o + 2] = rest == 2 ? abc[Int(v >> 6 & 0x3F)] : UInt8(ascii: "=")
                        dst[o + 3] = UInt8(ascii: "=")
                    }
                }
            }
        }
    }
}
