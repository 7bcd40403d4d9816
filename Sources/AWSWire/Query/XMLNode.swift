import IAMPolicy

/// A small XML tree for the query protocol's responses: elements with text or children.
public indirect enum XMLNode: Sendable, Equatable {
    /// `<name>text</name>` (text escaped when written).
    case text(String, String)
    /// `<name>children…</name>`; `<name/>` when empty.
    case element(String, [XMLNode])

    /// The document, with the XML declaration, the root carrying `xmlns`.
    public func document(namespace: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(into: &out, indent: 0, namespace: namespace)
        return out
    }

    private func write(into out: inout String, indent: Int, namespace: String?) {
        let pad = String(repeating: "  ", count: indent)
        let ns = namespace.map { " xmlns=\"\($0)\"" } ?? ""
        switch self {
        case .text(let name, let value):
            out += "\(pad)<\(name)\(ns)>\(Self.escape(value))</\(name)>\n"
        case .element(let name, let children) where children.isEmpty:
            out += "\(pad)<\(name)\(ns)/>\n"
        case .element(let name, let children):
            out += "\(pad)<\(name)\(ns)>\n"
            for c in children { c.write(into: &out, indent: indent + 1, namespace: nil) }
            out += "\(pad)</\(name)>\n"
        }
    }

    /// `&`, `<`, `>`, `"` and `'` as entities; characters XML 1.0 cannot carry as U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 cannot carry most control characters at all, even escaped.
            case "\t", "\n", "\r": out.unicodeScalars.append(ch)
            default:
                if ch.value < 0x20 || ch.value == 0xFFFE || ch.value == 0xFFFF { out += "\u{FFFD}" } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }

    /// The query protocol's rendering of a JSON member: objects become child elements,
    /// arrays `<member>` lists, and the members named in `maps` `<entry><key/><value/></entry>`.
    static func from(name: String, json: JSONValue, maps: Set<String> = []) -> XMLNode {
        switch json.kind {
        case .null: return .element(name, [])
        case .bool(let b): return .text(name, b ? "true" : "false")
        case .number(let n): return .text(name, n)
        case .string(let s): return .text(name, s)
        case .array(let elements): return .element(name, elements.map { from(name: "member", json: $0, maps: maps) })
        case .object(let members):
            if maps.contains(name) {
                return .element(name, members.map { m in
                    .element("entry", [.text("key", m.key), from(name: "value", json: m.value, maps: maps)])
                })
            }
            return .element(name, members.map { from(name: $0.key, json: $0.value, maps: maps) })
        }
    }
}
