/// One lesson: a Markdown file in `content/` such as `03-explicit-deny.md`.
///
/// The number before the first `-` orders the lessons and the rest of the name is the id
/// (`explicit-deny`). The first `#` heading is the title. A comment on the first lines,
/// `<!-- covers: least-privilege, default-deny -->`, names the ideas the lesson teaches.
public struct Lesson: Sendable, Hashable {
    /// The id, from the file name: `explicit-deny`.
    public var id: String
    /// The number from the file name: 3 for `03-explicit-deny.md`.
    public var order: Int
    /// The file name the lesson was read from.
    public var fileName: String
    /// The text of the first level-1 heading, without markup.
    public var title: String
    /// The ideas named by the `covers:` comment, in the order given; empty without one.
    public var covers: [String]
    /// The parsed text.
    public var document: MarkdownDocument

    /// Creates a lesson from its parts.
    public init(id: String, order: Int, fileName: String, title: String, covers: [String], document: MarkdownDocument) {
        self.id = id
        self.order = order
        self.fileName = fileName
        self.title = title
        self.covers = covers
        self.document = document
    }
}
