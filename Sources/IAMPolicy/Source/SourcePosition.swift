/// A place in a text: 1-based line and column, and the 0-based UTF-8 byte offset.
///
/// Columns count Unicode scalars, so a learner's editor and our messages agree on
/// where `é` sits. Tabs count as one column.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// 0-based offset in UTF-8 bytes from the start of the text.
    public var offset: Int

    /// Creates a position.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The start of any text.
    public static let start = SourcePosition(line: 1, column: 1, offset: 0)

    /// Orders positions by their offset.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }

    /// `line:column`, as editors and compilers print it.
    public var description: String { "\(line):\(column)" }
}

/// A span of text: `start` is the first character, `end` is just past the last one.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The first character of the span.
    public var start: SourcePosition
    /// The position just past the last character of the span (exclusive).
    public var end: SourcePosition

    /// Creates a range.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// An empty range at one position.
    public init(at position: SourcePosition) {
        self.start = position
        self.end = position
    }

    /// The smallest range that covers both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    /// `line:column-line:column`.
    public var description: String { "\(start)-\(end)" }
}
