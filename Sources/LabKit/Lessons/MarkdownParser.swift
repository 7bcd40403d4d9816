/// The block parser: lines in, ``MarkdownBlock``s out, recursing into quotes and list items.
///
/// Every construct consumes at least one line, so parsing always ends; nesting deeper than
/// ``maxDepth`` is read as plain paragraphs so hostile input cannot exhaust the stack.
struct MarkdownParser {
    /// Deepest nesting of quotes and lists that is still recognised.
    static let maxDepth = 16

    /// Warnings found so far.
    private(set) var warnings: [MarkdownWarning] = []

    /// Splits `text` into numbered lines (LF or CRLF), tabs expanded to four spaces.
    static func sourceLines(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = 0
        // "\r\n" is one Character in Swift, so both line ends are separators.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var line = raw
            if line.contains("\t") { line = Substring(line.replacingTabs()) }
            lines.append(SourceLine(text: line, number: number, column: 1))
        }
        if lines.count > 1, lines.last?.text.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Parses `lines` into blocks.
    mutating func parseBlocks(_ lines: ArraySlice<SourceLine>, depth: Int) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var i = lines.startIndex
        while i < lines.endIndex {
            let line = lines[i]
            if line.isBlank {
                i += 1
                continue
            }
            let content = line.content
            let next = i + 1
            if let fence = Fence(content) {
                let (block, end) = parseFence(fence, lines, at: i)
                blocks.append(block)
                i = end
            } else if content.hasPrefix("<!--"), let (text, end) = Self.comment(lines, at: i) {
                blocks.append(MarkdownBlock(.comment(text), line: line.number))
                i = end
            } else if let (level, text) = Self.heading(content) {
                blocks.append(MarkdownBlock(.heading(level: level, text: InlineParser.parse(text)), line: line.number))
                i = next
            } else if Self.isRule(content) {
                blocks.append(MarkdownBlock(.rule, line: line.number))
                i = next
            } else if depth < Self.maxDepth, content.hasPrefix(">") {
                let (block, end) = parseQuote(lines, at: i, depth: depth)
                blocks.append(block)
                i = end
            } else if depth < Self.maxDepth, ListMarker(line) != nil {
                let (block, end) = parseList(lines, at: i, depth: depth)
                blocks.append(block)
                i = end
            } else if let (table, end) = Self.table(lines, at: i) {
                blocks.append(MarkdownBlock(.table(table), line: line.number))
                i = end
            } else {
                let (block, end) = parseParagraph(lines, at: i, depth: depth)
                blocks.append(block)
                i = end
            }
        }
        return blocks
    }

    /// Whether `lines[i]` starts a block other than a paragraph, so it ends a paragraph.
    static func startsBlock(_ lines: ArraySlice<SourceLine>, at i: Int, depth: Int) -> Bool {
        let line = lines[i]
        let content = line.content
        if Fence(content) != nil || heading(content) != nil || isRule(content) { return true }
        if content.hasPrefix("<!--"), content.contains("-->") { return true }
        if depth < maxDepth, content.hasPrefix(">") || ListMarker(line) != nil { return true }
        return table(lines, at: i) != nil
    }

    private mutating func parseParagraph(_ lines: ArraySlice<SourceLine>, at start: Int, depth: Int) -> (MarkdownBlock, Int) {
        var texts = [lines[start].content]
        var i = start + 1
        while i < lines.endIndex, !lines[i].isBlank, !Self.startsBlock(lines, at: i, depth: depth) {
            texts.append(lines[i].content)
            i += 1
        }
        let joined = texts.joined(separator: "\n").trimmingTrailingSpaces()
        return (MarkdownBlock(.paragraph(InlineParser.parse(joined)), line: lines[start].number), i)
    }

    private mutating func parseFence(_ fence: Fence, _ lines: ArraySlice<SourceLine>, at start: Int) -> (MarkdownBlock, Int) {
        let opener = lines[start]
        var body: [String] = []
        var i = start + 1
        while i < lines.endIndex {
            if fence.isClosed(by: lines[i].content) {
                return (MarkdownBlock(.code(info: fence.info, lines: body), line: opener.number), i + 1)
            }
            body.append(String(lines[i].dropping(spaces: opener.indent).text))
            i += 1
        }
        warnings.append(MarkdownWarning(
            line: opener.number, column: opener.column + opener.indent,
            message: "this code block is never closed; add a line `\(String(repeating: fence.marker, count: fence.length))` where it ends"))
        return (MarkdownBlock(.code(info: fence.info, lines: body), line: opener.number), i)
    }

    private mutating func parseQuote(_ lines: ArraySlice<SourceLine>, at start: Int, depth: Int) -> (MarkdownBlock, Int) {
        var inner: [SourceLine] = []
        var i = start
        while i < lines.endIndex {
            let line = lines[i]
            if line.content.hasPrefix(">") {
                var stripped = line.dropping(spaces: 3).dropping(characters: 1)
                if stripped.text.first == " " { stripped = stripped.dropping(characters: 1) }
                inner.append(stripped)
            } else if !line.isBlank, let last = inner.last, !last.isBlank,
                      !Self.startsBlock(lines, at: i, depth: depth) {
                inner.append(line.dropping(spaces: line.indent))  // a lazy continuation line
            } else {
                break
            }
            i += 1
        }
        let blocks = parseBlocks(inner[...], depth: depth + 1)
        return (MarkdownBlock(.quote(blocks), line: lines[start].number), i)
    }
}
