/// One line of Markdown as a block parser sees it: the text left after any container markers
/// (`>`, list indentation) were taken off, and where that text starts in the source.
struct SourceLine: Hashable {
    /// The remaining text, tabs expanded to four spaces.
    var text: Substring
    /// The 1-based source line.
    var number: Int
    /// The 1-based source column of the first character of `text`.
    var column: Int

    /// Whether the line holds only spaces.
    var isBlank: Bool { text.allSatisfy { $0 == " " } }

    /// The number of leading spaces.
    var indent: Int { text.prefix { $0 == " " }.count }

    /// The text after its leading spaces.
    var content: Substring { text.drop { $0 == " " } }

    /// The line with up to `count` leading spaces removed.
    func dropping(spaces count: Int) -> SourceLine {
        let n = min(count, indent)
        return SourceLine(text: text.dropFirst(n), number: number, column: column + n)
    }

    /// The line with its first `count` characters removed.
    func dropping(characters count: Int) -> SourceLine {
        let n = min(count, text.count)
        return SourceLine(text: text.dropFirst(n), number: number, column: column + n)
    }
}
