/// A compiled AWS template with `${Name}` placeholders: an ARN pattern
/// (`arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}`) or a condition key
/// (`aws:ResourceTag/${TagKey}`). Everything outside `${...}` is literal.
///
/// In ARN mode (`arnSegments: true`) a placeholder stands for one ARN segment: one or more
/// characters other than `/` and `:`. The pattern's final placeholder may also contain `:`
/// (it still never spans `/`, so a stream pattern does not swallow a consumer ARN), and a
/// final placeholder named in `pathPlaceholders` may contain anything (KMS alias names such
/// as `aws/kinesis` include `/`). Otherwise a placeholder matches one or more of any character.
struct PlaceholderPattern: Sendable, Hashable {
    /// One piece of the template.
    enum Part: Sendable, Hashable {
        /// Literal UTF-8 bytes.
        case literal([UInt8])
        /// A placeholder and the bytes it may not contain.
        case placeholder(name: String, excluded: [UInt8])
    }

    /// Placeholders that name path-like values, allowed to contain `/` when they end an ARN pattern.
    static let pathPlaceholders: Set<String> = ["Alias"]

    /// The template's pieces, in order.
    let parts: [Part]

    /// Compiles `template`; a `${` without its `}` is literal text.
    init(_ template: String, arnSegments: Bool) {
        let bytes = Array(template.utf8)
        var raw: [(isPlaceholder: Bool, bytes: [UInt8])] = []
        var literal: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "}")) {
                if !literal.isEmpty { raw.append((false, literal)); literal = [] }
                raw.append((true, Array(bytes[(i + 2)..<close])))
                i = close + 1
            } else {
                literal.append(bytes[i])
                i += 1
            }
        }
        if !literal.isEmpty { raw.append((false, literal)) }

        let lastIndex = raw.count - 1
        parts = raw.enumerated().map { index, piece in
            guard piece.isPlaceholder else { return .literal(piece.bytes) }
            let name = String(decoding: piece.bytes, as: UTF8.self)
            var excluded: [UInt8] = []
            if arnSegments {
                if index != lastIndex {
                    excluded = [UInt8(ascii: "/"), UInt8(ascii: ":")]
                } else if !PlaceholderPattern.pathPlaceholders.contains(name) {
                    excluded = [UInt8(ascii: "/")]
                }
            }
            return .placeholder(name: name, excluded: excluded)
        }
    }

    /// The placeholder names, in order (`["Partition", "Region", "Account", "StreamName"]`).
    var placeholderNames: [String] {
        parts.compactMap { if case .placeholder(let name, _) = $0 { return name } else { return nil } }
    }

    /// Whether `text` matches; literals compare ASCII case-insensitively when asked.
    func matches(_ text: String, caseInsensitive: Bool = false) -> Bool {
        let t = Array(text.utf8)
        return match(part: 0, at: 0, t, caseInsensitive)
    }

    private func match(part: Int, at position: Int, _ t: [UInt8], _ caseInsensitive: Bool) -> Bool {
        guard part < parts.count else { return position == t.count }
        switch parts[part] {
        case .literal(let lit):
            guard t.count - position >= lit.count else { return false }
            for (k, b) in lit.enumerated() {
                let c = t[position + k]
                if caseInsensitive ? Glob.lowerASCII(b) != Glob.lowerASCII(c) : b != c { return false }
            }
            return match(part: part + 1, at: position + lit.count, t, caseInsensitive)
        case .placeholder(_, let excluded):
            // One or more allowed bytes; try the longest run first, then shorter ones.
            var end = position
            while end < t.count, !excluded.contains(t[end]) { end += 1 }
            guard end > position else { return false }
            var stop = end
            while stop > position {
                if match(part: part + 1, at: stop, t, caseInsensitive) { return true }
                stop -= 1
            }
            return false
        }
    }
}
