/// Parses the text of a paragraph, heading or table cell into ``MarkdownInline``s.
///
/// Code spans, backslash escapes, links and autolinks are read left to right; `*` and `_`
/// runs are collected as delimiters and paired afterwards (see `InlineParser+Emphasis`).
/// Anything unmatched stays literal text.
struct InlineParser {
    /// Deepest nesting of link text parsed as inlines.
    static let maxDepth = 8

    private let chars: [Character]
    private let depth: Int
    private var pieces: [Piece] = []
    private var pending = ""

    /// Parses `text`; newlines are soft breaks unless a hard break ends the line.
    static func parse(_ text: String) -> [MarkdownInline] {
        var parser = InlineParser(chars: Array(text), depth: 0)
        return parser.run()
    }

    private init(chars: [Character], depth: Int) {
        self.chars = chars
        self.depth = depth
    }

    private mutating func run() -> [MarkdownInline] {
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                let next = i + 1 < chars.count ? chars[i + 1] : nil
                if next == "\n" {
                    emit(.lineBreak)
                    i += 2
                } else if let next, next.isASCII, next.isPunctuation || next.isSymbol {
                    pending.append(next)
                    i += 2
                } else {
                    pending.append(c)
                    i += 1
                }
            case "`":
                i = codeSpan(at: i)
            case "*", "_":
                i = delimiterRun(at: i)
            case "[":
                if depth < Self.maxDepth, let (text, url, end) = link(at: i) {
                    var inner = InlineParser(chars: Array(chars[(i + 1)..<text]), depth: depth + 1)
                    emit(.link(text: inner.run(), url: url))
                    i = end
                } else {
                    pending.append(c)
                    i += 1
                }
            case "<":
                if let (url, end) = autolink(at: i) {
                    emit(.link(text: [.text(url)], url: url))
                    i = end
                } else {
                    pending.append(c)
                    i += 1
                }
            case "\n":
                let hard = pending.hasSuffix("  ")
                pending = pending.trimmingTrailingSpaces()
                if hard { emit(.lineBreak) } else { pending.append(" ") }
                i += 1
                while i < chars.count, chars[i] == " " { i += 1 }
            default:
                pending.append(c)
                i += 1
            }
        }
        flush()
        return Self.resolveEmphasis(pieces)
    }

    private mutating func flush() {
        if !pending.isEmpty {
            pieces.append(.inline(.text(pending)))
            pending = ""
        }
    }

    private mutating func emit(_ inline: MarkdownInline) {
        flush()
        pieces.append(.inline(inline))
    }

    /// Length of the backtick run starting at `i`.
    private func run(of c: Character, at i: Int) -> Int {
        var j = i
        while j < chars.count, chars[j] == c { j += 1 }
        return j - i
    }

    /// Reads a code span at `i`, or its backticks as text; returns the index after it.
    private mutating func codeSpan(at i: Int) -> Int {
        let n = run(of: "`", at: i)
        guard let close = Self.closingBackticks(chars, from: i + n, length: n) else {
            pending += String(repeating: "`", count: n)
            return i + n
        }
        var code = String(chars[(i + n)..<close]).replacing("\n", with: " ")
        if code.count >= 2, code.hasPrefix(" "), code.hasSuffix(" "), code.contains(where: { $0 != " " }) {
            code = String(code.dropFirst().dropLast())
        }
        emit(.code(code))
        return close + n
    }

    /// Where a run of exactly `length` backticks starts at or after `from`.
    static func closingBackticks(_ chars: [Character], from: Int, length: Int) -> Int? {
        var j = from
        while j < chars.count {
            if chars[j] == "`" {
                var k = j
                while k < chars.count, chars[k] == "`" { k += 1 }
                if k - j == length { return j }
                j = k
            } else {
                j += 1
            }
        }
        return nil
    }

    /// Records a `*` or `_` run with whether it can open or close emphasis.
    private mutating func delimiterRun(at i: Int) -> Int {
        let c = chars[i]
        let n = run(of: c, at: i)
        let before: Character = i > 0 ? chars[i - 1] : " "
        let after: Character = i + n < chars.count ? chars[i + n] : " "
        let beforeSpace = before.isWhitespace, afterSpace = after.isWhitespace
        let beforePunct = before.isPunctuation || before.isSymbol
        let afterPunct = after.isPunctuation || after.isSymbol
        let leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
        let rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
        let canOpen = c == "*" ? leftFlanking : leftFlanking && (!rightFlanking || beforePunct)
        let canClose = c == "*" ? rightFlanking : rightFlanking && (!leftFlanking || afterPunct)
        flush()
        pieces.append(.delimiter(Delimiter(char: c, count: n, canOpen: canOpen, canClose: canClose)))
        return i + n
    }

    /// `[text](url "title")` at `i`: the end of the text, the url and the index after `)`.
    private func link(at i: Int) -> (Int, String, Int)? {
        var j = i + 1
        var nesting = 0
        var textEnd: Int?
        while j < chars.count {
            switch chars[j] {
            case "\\": j += 1
            case "`":
                let n = run(of: "`", at: j)
                if let close = Self.closingBackticks(chars, from: j + n, length: n) { j = close + n - 1 } else { j += n - 1 }
            case "[": nesting += 1
            case "]":
                if nesting == 0 { textEnd = j } else { nesting -= 1 }
            default: break
            }
            if textEnd != nil { break }
            j += 1
        }
        guard let textEnd, textEnd + 1 < chars.count, chars[textEnd + 1] == "(" else { return nil }
        j = textEnd + 2
        skipSpaces(&j)
        var url = ""
        if j < chars.count, chars[j] == "<" {
            j += 1
            while j < chars.count, chars[j] != ">", chars[j] != "\n" { url.append(chars[j]); j += 1 }
            guard j < chars.count, chars[j] == ">" else { return nil }
            j += 1
        } else {
            var parens = 0
            while j < chars.count, !chars[j].isWhitespace {
                if chars[j] == "(" { parens += 1 }
                if chars[j] == ")" { if parens == 0 { break }; parens -= 1 }
                url.append(chars[j])
                j += 1
            }
        }
        skipSpaces(&j)
        if j < chars.count, let quote = chars[j] as Character?, quote == "\"" || quote == "'" {
            j += 1
            while j < chars.count, chars[j] != quote { j += 1 }
            guard j < chars.count else { return nil }
            j += 1
            skipSpaces(&j)
        }
        guard j < chars.count, chars[j] == ")" else { return nil }
        return (textEnd, url, j + 1)
    }

    private func skipSpaces(_ j: inout Int) {
        while j < chars.count, chars[j] == " " || chars[j] == "\n" { j += 1 }
    }

    /// `<https://…>` at `i`: the url and the index after `>`.
    private func autolink(at i: Int) -> (String, Int)? {
        var j = i + 1
        var url = ""
        while j < chars.count, chars[j] != ">" {
            if chars[j].isWhitespace || chars[j] == "<" { return nil }
            url.append(chars[j])
            j += 1
        }
        guard j < chars.count, url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:") else {
            return nil
        }
        return (url, j + 1)
    }
}
