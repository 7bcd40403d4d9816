/// A bullet or ordered list.
public struct MarkdownList: Sendable, Hashable {
    /// One list item: its blocks (usually a paragraph, perhaps a nested list).
    public struct Item: Sendable, Hashable {
        /// The item's content.
        public var blocks: [MarkdownBlock]
        /// The 1-based line of the item's marker.
        public var line: Int

        /// Creates an item.
        public init(blocks: [MarkdownBlock], line: Int) {
            self.blocks = blocks
            self.line = line
        }
    }

    /// The first number of an ordered list (`3.` starts at 3); `nil` for a bullet list.
    public var start: Int?
    /// The items, in order.
    public var items: [Item]

    /// Whether the list is numbered.
    public var isOrdered: Bool { start != nil }

    /// Creates a list.
    public init(start: Int?, items: [Item]) {
        self.start = start
        self.items = items
    }
}
