/// A parsed Markdown text: its blocks and any warnings about it.
///
/// The parser covers the subset lessons use (see ``MarkdownBlock`` and ``MarkdownInline``).
/// It never fails: markup it does not understand, or that is never closed, stays as text.
public struct MarkdownDocument: Sendable, Hashable {
    /// The top-level blocks, in order.
    public var blocks: [MarkdownBlock]
    /// Things that were probably not meant, with their positions.
    public var warnings: [MarkdownWarning]

    /// Creates a document from blocks.
    public init(blocks: [MarkdownBlock], warnings: [MarkdownWarning] = []) {
        self.blocks = blocks
        self.warnings = warnings
    }

    /// Parses `text`.
    public init(parsing text: String) {
        var parser = MarkdownParser()
        let lines = MarkdownParser.sourceLines(text)
        self.blocks = parser.parseBlocks(lines[...], depth: 0)
        self.warnings = parser.warnings
    }
}
