import LabKit

/// Lays inline Markdown out as word-wrapped lines of a given width.
///
/// Words never break unless one alone is wider than the line; a code span stays whole when
/// it fits on a line. Without colour, code keeps its backticks so it still stands out.
struct InlineLayout {
    /// Colour or not.
    var colour: Bool

    /// A word: fragments with no breaking space between them.
    private typealias Word = [StyledLine.Fragment]

    private enum Token {
        case word(Word)
        case lineBreak
    }

    /// `inlines` wrapped to `width` cells (at least one), in `base` style.
    func wrap(_ inlines: [MarkdownInline], width: Int, base: TextStyle = .plain) -> [StyledLine] {
        let width = max(1, width)
        var tokens: [Token] = []
        var word: Word = []
        collect(inlines, style: base, width: width, tokens: &tokens, word: &word)
        if !word.isEmpty { tokens.append(.word(word)) }

        var lines: [StyledLine] = []
        var line = StyledLine()
        var used = 0
        for token in tokens {
            guard case .word(let fragments) = token else {
                lines.append(line)
                line = StyledLine()
                used = 0
                continue
            }
            let piece = StyledLine(fragments: fragments)
            let w = piece.width
            if used > 0, used + 1 + w <= width {
                // The space takes the style around it, so one escape sequence spans a phrase.
                let left = line.fragments.last?.style, right = fragments.first?.style
                line.append(" ", left == right ? left ?? .plain : .plain)
                line.append(piece)
                used += 1 + w
                continue
            }
            if used > 0 {
                lines.append(line)
                line = StyledLine()
                used = 0
            }
            if w <= width {
                line = piece
                used = w
            } else {
                let chunks = Self.hardBreak(piece, width: width)
                lines += chunks.dropLast()
                line = chunks.last ?? StyledLine()
                used = line.width
            }
        }
        if used > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `inlines` on one line, however long.
    func singleLine(_ inlines: [MarkdownInline], base: TextStyle = .plain) -> StyledLine {
        wrap(inlines, width: Int.max / 2, base: base).reduce(into: StyledLine()) { out, line in
            if !out.fragments.isEmpty { out.append(" ") }
            out.append(line)
        }
    }

    private func collect(_ inlines: [MarkdownInline], style: TextStyle, width: Int,
                         tokens: inout [Token], word: inout Word) {
        func text(_ s: String, _ style: TextStyle) {
            var first = true
            for part in s.split(separator: " ", omittingEmptySubsequences: false) {
                if !first, !word.isEmpty {
                    tokens.append(.word(word))
                    word = []
                }
                first = false
                if !part.isEmpty { word.append(.init(text: String(part), style: style)) }
            }
        }
        for inline in inlines {
            switch inline {
            case .text(let s):
                text(s, style)
            case .emphasis(let inner):
                var s = style
                s.italic = true
                collect(inner, style: s, width: width, tokens: &tokens, word: &word)
            case .strong(let inner):
                var s = style
                s.bold = true
                collect(inner, style: s, width: width, tokens: &tokens, word: &word)
            case .code(let code):
                var s = style
                s.colour = .cyan
                let shown = colour ? code : "`" + code + "`"
                if DisplayWidth.of(text: shown) <= width {
                    word.append(.init(text: shown, style: s))  // spaces inside do not break
                } else {
                    text(shown, s)
                }
            case .link(let inner, let url):
                var s = style
                s.underline = true
                collect(inner, style: s, width: width, tokens: &tokens, word: &word)
                if !url.isEmpty, url != inner.plainText {
                    var u = style
                    u.dim = true
                    text(" (" + url + ")", u)
                }
            case .lineBreak:
                if !word.isEmpty { tokens.append(.word(word)) }
                word = []
                tokens.append(.lineBreak)
            }
        }
    }

    /// A line wider than `width` cut into pieces of at most `width` cells (at least one
    /// character each, so a wide character in a one-cell column still makes progress).
    static func hardBreak(_ line: StyledLine, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        var current = StyledLine()
        var used = 0
        for fragment in line.fragments {
            var kept = ""
            for character in fragment.text {
                let w = DisplayWidth.of(text: String(character))
                if used > 0, used + w > width {
                    current.append(kept, fragment.style)
                    out.append(current)
                    current = StyledLine()
                    kept = ""
                    used = 0
                }
                kept.append(character)
                used += w
            }
            current.append(kept, fragment.style)
        }
        out.append(current)
        return out
    }
}
