/// One block of a Markdown document and the source line it starts on.
public struct MarkdownBlock: Sendable, Hashable {
    /// What the block is.
    public enum Content: Sendable, Hashable {
        /// `#` to `######`: a level from 1 to 6 and the heading text.
        case heading(level: Int, text: [MarkdownInline])
        /// Consecutive lines of text.
        case paragraph([MarkdownInline])
        /// A bullet (`-`, `*`) or ordered (`1.`) list.
        case list(MarkdownList)
        /// Lines starting with `>`, parsed as blocks of their own.
        case quote([MarkdownBlock])
        /// A fenced code block: the info string (`json`, or empty) and its lines as written.
        case code(info: String, lines: [String])
        /// A GitHub-style pipe table.
        case table(MarkdownTable)
        /// `---`, `***` or `___`.
        case rule
        /// An HTML comment (`<!-- … -->`), its text between the markers, trimmed.
        /// Renderers show nothing for it.
        case comment(String)
    }

    /// What the block is.
    public var content: Content
    /// The 1-based line the block starts on.
    public var line: Int

    /// Creates a block.
    public init(_ content: Content, line: Int) {
        self.content = content
        self.line = line
    }
}
