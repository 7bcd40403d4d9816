/// Serializes `JSONValue`s to JSON text, keeping member order and number literals as they are.
///
/// Strings are escaped minimally: `"` and `\` with a backslash; `\b \f \n \r \t` by name;
/// the other control characters U+0000–U+001F as `\u00xx` (lower-case hex). `/` is not
/// escaped and everything else, non-ASCII included, is written as UTF-8.
/// Ranges are ignored. Number literals are written verbatim, so a `.number` built by hand
/// must hold valid JSON number text.
public enum JSONWriter {
    /// The JSON text for `value`: compact (no white space) by default, or with
    /// `pretty`, two-space indentation, one element or member per line and `"key": value`.
    /// Empty arrays and objects are written `[]` and `{}` either way. No trailing newline.
    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, pretty: pretty, indent: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same JSON text as ``string(_:pretty:)``, as UTF-8 bytes (for an HTTP body,
    /// without the round trip through `String`).
    public static func bytes(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, pretty: pretty, indent: 0, into: &out)
        return out
    }

    /// Appends `s` as a JSON string literal (quoted and escaped as ``string(_:pretty:)``
    /// writes strings) to `out`: for writers that produce JSON without building a `JSONValue`.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        writeString(s, into: &out)
    }

    private static func write(_ value: JSONValue, pretty: Bool, indent: Int, into out: inout [UInt8]) {
        switch value.kind {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let literal):
            out.append(contentsOf: literal.utf8)
        case .string(let s):
            writeString(s, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (n, element) in elements.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent: indent + 1, into: &out) }
                write(element, pretty: pretty, indent: indent + 1, into: &out)
            }
            if pretty { newline(indent: indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (n, member) in members.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent: indent + 1, into: &out) }
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(member.value, pretty: pretty, indent: indent + 1, into: &out)
            }
            if pretty { newline(indent: indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(indent: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy their bytes in one go.
        var text = s
        let copied = text.withUTF8 { bytes -> Bool in
            for b in bytes where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied {
            out.append(UInt8(ascii: "\""))
            return
        }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""):
                out.append(UInt8(ascii: "\\"))
                out.append(b)
            case UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(b)
            case 0x08:
                out.append(contentsOf: "\\b".utf8)
            case 0x0C:
                out.append(contentsOf: "\\f".utf8)
            case 0x0A:
                out.append(contentsOf: "\\n".utf8)
            case 0x0D:
                out.append(contentsOf: "\\r".utf8)
            case 0x09:
                out.append(contentsOf: "\\t".utf8)
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0x0F)])
            default:
                out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
