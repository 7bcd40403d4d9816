extension MarkdownParser {
    /// Parses the list starting at `lines[start]`: items with the same kind of marker, each
    /// holding the lines indented past its marker (so a nested list is indented under it).
    mutating func parseList(_ lines: ArraySlice<SourceLine>, at start: Int, depth: Int) -> (MarkdownBlock, Int) {
        guard let first = ListMarker(lines[start]) else {
            return (MarkdownBlock(.paragraph([]), line: lines[start].number), start + 1)
        }
        var items: [MarkdownList.Item] = []
        var i = start
        while i < lines.endIndex, let marker = ListMarker(lines[i]), marker.isOrdered == first.isOrdered {
            var itemLines = [lines[i].dropping(characters: marker.contentOffset)]
            var j = i + 1
            while j < lines.endIndex {
                let line = lines[j]
                if line.isBlank {
                    // Blank lines stay in the item only if indented content follows them.
                    var k = j
                    while k < lines.endIndex, lines[k].isBlank { k += 1 }
                    guard k < lines.endIndex, lines[k].indent > marker.indent else { break }
                    itemLines.append(contentsOf: lines[j..<k].map { $0.dropping(spaces: $0.indent) })
                    j = k
                    continue
                }
                if line.indent > marker.indent {
                    itemLines.append(line.dropping(spaces: min(line.indent, marker.contentIndent)))
                } else if itemLines.last?.isBlank == false, !Self.startsBlock(lines, at: j, depth: depth) {
                    itemLines.append(line.dropping(spaces: line.indent))  // a lazy continuation line
                } else {
                    break
                }
                j += 1
            }
            items.append(MarkdownList.Item(blocks: parseBlocks(itemLines[...], depth: depth + 1), line: lines[i].number))
            i = j
            // A blank line between items keeps the list going.
            var k = i
            while k < lines.endIndex, lines[k].isBlank { k += 1 }
            if k < lines.endIndex, let nextMarker = ListMarker(lines[k]), nextMarker.isOrdered == first.isOrdered {
                i = k
            }
        }
        let list = MarkdownList(start: first.number, items: items)
        return (MarkdownBlock(.list(list), line: lines[start].number), max(i, start + 1))
    }
}
