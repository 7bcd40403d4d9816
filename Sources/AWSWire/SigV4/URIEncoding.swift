import Digests

/// Percent-encoding as SigV4 and the query protocol use it.
///
/// SigV4 leaves only the unreserved characters (`A-Z a-z 0-9 - . _ ~`) as they are and writes
/// every other byte of the UTF-8 text as `%XY` with upper-case hex digits.
public enum URIEncoding {
    private static let upperHex = Array("0123456789ABCDEF".utf8)

    /// Whether `byte` is one of SigV4's unreserved characters.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// `text` percent-encoded; `/` kept as it is when `keepingSlash` (a path).
    public static func encode(_ text: String, keepingSlash: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            if isUnreserved(b) || (keepingSlash && b == UInt8(ascii: "/")) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(upperHex[Int(b >> 4)])
                out.append(upperHex[Int(b & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with `%XY` escapes decoded (and `+` read as a space when `plusAsSpace`, as in
    /// form bodies). A `%` not followed by two hex digits stays as it is, as browsers and
    /// AWS treat it; bytes that are not UTF-8 become U+FFFD.
    public static func decode(_ text: String, plusAsSpace: Bool = false) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.count,
               let pair = Hex.decode(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self)) {
                out.append(pair[0])
                i += 3
            } else {
                out.append(plusAsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `key=value` pairs of a query string or form body, decoded, in order. A piece
    /// without `=` has an empty value; empty pieces are skipped.
    public static func parameters(_ text: String, plusAsSpace: Bool) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        for piece in text.split(separator: "&", omittingEmptySubsequences: true) {
            if let eq = piece.firstIndex(of: "=") {
                out.append((decode(String(piece[..<eq]), plusAsSpace: plusAsSpace),
                            decode(String(piece[piece.index(after: eq)...]), plusAsSpace: plusAsSpace)))
            } else {
                out.append((decode(String(piece), plusAsSpace: plusAsSpace), ""))
            }
        }
        return out
    }
}
