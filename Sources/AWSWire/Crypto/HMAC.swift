/// HMAC-SHA256 (RFC 2104), the keyed hash SigV4 chains to derive its signing key and sign.
public enum HMAC {
    /// The 32-byte HMAC-SHA256 of `message` under `key`.
    public static func sha256(key: some Collection<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
        let blockSize = 64
        var k = key.count > blockSize ? SHA256.hash(key) : Array(key)
        k += [UInt8](repeating: 0, count: blockSize - k.count)
        var inner = SHA256()
        inner.update(k.map { $0 ^ 0x36 })
        inner.update(message)
        let innerDigest = inner.finalize()
        var outer = SHA256()
        outer.update(k.map { $0 ^ 0x5c })
        outer.update(innerDigest)
        return outer.finalize()
    }

    /// HMAC-SHA256 of a string's UTF-8 bytes.
    public static func sha256(key: some Collection<UInt8>, message: String) -> [UInt8] {
        sha256(key: key, message: Array(message.utf8))
    }
}
