import LabKit

extension MarkdownRenderer {
    /// Columns between a single `│`, the header bold over a `─┼─` rule. Columns keep their
    /// natural width when the table fits; otherwise narrow columns keep theirs and the wide
    /// ones share what is left, their cells wrapped.
    func table(_ table: MarkdownTable, width: Int) -> [StyledLine] {
        let columns = table.header.count
        guard columns > 0 else { return [] }
        let natural = (0..<columns).map { column in
            ([table.header[column]] + table.rows.map { $0[column] })
                .map { layout.singleLine($0).width }.max() ?? 0
        }
        let longestWord = (0..<columns).map { column in
            ([table.header[column]] + table.rows.map { $0[column] }).flatMap { cell in
                layout.singleLine(cell).text.split(separator: " ").map { DisplayWidth.of(text: $0) }
            }.max() ?? 0
        }
        let widths = Self.fit(natural, longestWord: longestWord, into: width - 3 * (columns - 1))
        let separator = StyledLine(" │ ", style: TextStyle(dim: true))
        var out = row(table.header, widths: widths, alignments: table.alignments, separator: separator, bold: true)
        out.append(StyledLine(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"),
                              style: TextStyle(dim: true)))
        for cells in table.rows {
            out += row(cells, widths: widths, alignments: table.alignments, separator: separator, bold: false)
        }
        return out
    }

    /// Column widths that fit `available` cells. Natural widths if they fit; else each
    /// column from narrowest up takes at most an equal share of what remains, and then a
    /// column narrower than its longest word takes cells from the widest columns that can
    /// spare them, so words are broken only when nothing else fits.
    static func fit(_ natural: [Int], longestWord: [Int], into available: Int) -> [Int] {
        guard natural.reduce(0, +) > available else { return natural.map { max(1, $0) } }
        var widths = natural
        var remaining = max(available, natural.count)
        var left = natural.count
        for column in natural.indices.sorted(by: { natural[$0] < natural[$1] }) {
            widths[column] = max(1, min(natural[column], remaining / left))
            remaining -= widths[column]
            left -= 1
        }
        let minimum = zip(natural, longestWord).map { max(1, min($0, $1)) }
        for column in widths.indices where widths[column] < minimum[column] {
            while widths[column] < minimum[column],
                  let donor = widths.indices.filter({ widths[$0] > minimum[$0] }).max(by: { widths[$0] < widths[$1] }) {
                widths[donor] -= 1
                widths[column] += 1
            }
        }
        return widths
    }

    private func row(_ cells: [[MarkdownInline]], widths: [Int], alignments: [MarkdownTable.Alignment],
                     separator: StyledLine, bold: Bool) -> [StyledLine] {
        let wrapped = cells.indices.map { column in
            layout.wrap(cells[column], width: widths[column]).map { line in
                bold ? line.restyled { $0.bold = true } : line
            }
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { index in
            var line = StyledLine()
            for column in cells.indices {
                if column > 0 { line.append(separator) }
                let cell = index < wrapped[column].count ? wrapped[column][index] : StyledLine()
                let room = max(0, widths[column] - cell.width)
                let alignment = column < alignments.count ? alignments[column] : .left
                let before = alignment == .right ? room : alignment == .center ? room / 2 : 0
                line.append(String(repeating: " ", count: before))
                line.append(cell)
                if column < cells.count - 1 { line.append(String(repeating: " ", count: room - before)) }
            }
            return line
        }
    }
}
