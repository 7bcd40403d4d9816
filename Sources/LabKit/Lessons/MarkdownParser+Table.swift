extension MarkdownParser {
    /// The pipe table starting at `lines[start]` and the index after it, if a header row
    /// with `|` is followed by an alignment row with as many cells.
    static func table(_ lines: ArraySlice<SourceLine>, at start: Int) -> (MarkdownTable, Int)? {
        guard start + 1 < lines.endIndex, lines[start].content.contains("|") else { return nil }
        let header = cells(lines[start].content)
        guard let alignments = alignmentRow(lines[start + 1].content), alignments.count == header.count else {
            return nil
        }
        var rows: [[[MarkdownInline]]] = []
        var i = start + 2
        while i < lines.endIndex, !lines[i].isBlank, lines[i].content.contains("|") {
            let content = lines[i].content
            if Fence(content) != nil || heading(content) != nil || content.hasPrefix(">") { break }
            rows.append(cells(content).map(InlineParser.parse))
            i += 1
        }
        return (MarkdownTable(header: header.map(InlineParser.parse), alignments: alignments, rows: rows), i)
    }

    /// The cells of a row, split at `|` that are not escaped; `\|` becomes `|`.
    static func cells(_ row: Substring) -> [String] {
        let text = row.trimmingSpaces()
        var cells: [String] = []
        var current = ""
        var endedWithPipe = false
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            endedWithPipe = false
            if c == "\\", next < text.endIndex, text[next] == "|" {
                current.append("|")
                index = text.index(after: next)
                continue
            }
            if c == "|" {
                cells.append(current)
                current = ""
                endedWithPipe = true
            } else {
                current.append(c)
            }
            index = next
        }
        if !endedWithPipe { cells.append(current) }
        if text.hasPrefix("|"), !cells.isEmpty { cells.removeFirst() }
        return cells.map { String(Substring($0).trimmingSpaces()) }
    }

    /// The alignments of an alignment row (`| :--- | ---: |`), or `nil` if `row` is not one.
    static func alignmentRow(_ row: Substring) -> [MarkdownTable.Alignment]? {
        guard row.contains("-"), row.allSatisfy({ "|:- ".contains($0) }) else { return nil }
        var result: [MarkdownTable.Alignment] = []
        for cell in cells(row) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : right ? .right : .left)
        }
        return result.isEmpty ? nil : result
    }
}
