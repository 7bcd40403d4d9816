extension MarkdownParser {
    /// The level and text of an ATX heading (`## Text ##`), if `content` is one.
    static func heading(_ content: Substring) -> (Int, String)? {
        let level = content.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let rest = content.dropFirst(level)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmingSpaces()
        // A closing run of `#` goes if a space comes before it (or it is all there is).
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let before = text.dropLast(closing)
            if before.isEmpty || before.last == " " { text = before.trimmingSpaces() }
        }
        return (level, String(text))
    }

    /// Whether `content` is a thematic break: three or more `-`, `*` or `_`, spaces allowed.
    static func isRule(_ content: Substring) -> Bool {
        guard let mark = content.first, mark == "-" || mark == "*" || mark == "_" else { return false }
        var count = 0
        for c in content {
            if c == mark { count += 1 } else if c != " " { return false }
        }
        return count >= 3
    }

    /// The text of the HTML comment starting at `lines[start]` and the index after it, or
    /// `nil` when it is never closed (then it is read as text).
    static func comment(_ lines: ArraySlice<SourceLine>, at start: Int) -> (String, Int)? {
        var parts: [Substring] = []
        var i = start
        while i < lines.endIndex {
            var text = i == start ? lines[i].content.dropFirst(4) : lines[i].text
            if let close = text.firstRange(of: "-->") {
                text = text[..<close.lowerBound]
                parts.append(text)
                let joined = parts.joined(separator: "\n")
                return (String(Substring(joined).trimmingSpacesAndNewlines()), i + 1)
            }
            parts.append(text)
            i += 1
        }
        return nil
    }
}
