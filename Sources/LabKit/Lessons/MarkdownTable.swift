/// A GitHub-style pipe table: a header row, an alignment row and body rows.
///
/// INVARIANT: every body row has exactly as many cells as the header.
public struct MarkdownTable: Sendable, Hashable {
    /// How a column's cells line up, from the colons of the alignment row.
    public enum Alignment: Sendable, Hashable {
        /// `---` or `:---`.
        case left
        /// `:---:`.
        case center
        /// `---:`.
        case right
    }

    /// The header cells.
    public var header: [[MarkdownInline]]
    /// One alignment per column.
    public var alignments: [Alignment]
    /// The body rows, each with one cell per column.
    public var rows: [[[MarkdownInline]]]

    /// Creates a table; rows are padded with empty cells or cut to the header's width.
    public init(header: [[MarkdownInline]], alignments: [Alignment], rows: [[[MarkdownInline]]]) {
        let columns = header.count
        self.header = header
        self.alignments = Array((alignments + Array(repeating: .left, count: columns)).prefix(columns))
        self.rows = rows.map { row in
            Array((row + Array(repeating: [], count: max(0, columns - row.count))).prefix(columns))
        }
    }
}
