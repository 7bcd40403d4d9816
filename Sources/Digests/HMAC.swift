/// HMAC-SHA256 (RFC 2104), the keyed hash SigV4 chains to derive its signing key and sign.
public enum HMAC {
    /// The 32-byte HMAC-SHA256 of `message` under `key`.
    public static func sha256(key: some Collection<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
        let blockSize = 64
        // The key, zero-padded to a block (hashed first when longer), in inline storage.
        var pad: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &pad) { block in
            if key.count > blockSize {
                for (i, b) in SHA256.hash(key).enumerated() { block[i] = b }
            } else {
                for (i, b) in key.enumerated() { block[i] = b }
            }
            for i in 0..<blockSize { block[i] ^= 0x36 }
        }
        var inner = SHA256()
        withUnsafeBytes(of: pad) { inner.update($0) }
        inner.update(message)
        let innerDigest = inner.finalize()
        withUnsafeMutableBytes(of: &pad) { block in
            for i in 0..<blockSize { block[i] ^= 0x36 ^ 0x5c }
        }
        var outer = SHA256()
        withUnsafeBytes(of: pad) { outer.update($0) }
        outer.update(innerDigest)
        return outer.finalize()
    }

    /// HMAC-SHA256 of a string's UTF-8 bytes.
    public static func sha256(key: some Collection<UInt8>, message: String) -> [UInt8] {
        sha256(key: key, message: Array(message.utf8))
    }
}
