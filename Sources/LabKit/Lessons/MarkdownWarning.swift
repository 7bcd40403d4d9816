/// Something in a Markdown text that was probably not meant, such as a code fence that is
/// never closed. The document is still parsed; the warning says where to look.
public struct MarkdownWarning: Sendable, Hashable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// One line saying what is wrong.
    public var message: String

    /// Creates a warning.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}
