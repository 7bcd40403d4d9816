/// Rows of cells as columns that fit the terminal.
///
/// At its natural width when that fits; otherwise the columns that may wrap share what is
/// left, their cells word-wrapped. Narrower than ``stackBelow`` cells, or when a wrapping
/// column would get fewer than ``minimumWrapWidth`` cells (or fewer than its longest word),
/// each row becomes a block instead: its first ``headCells`` cells on one line, the others
/// below as `label value` pairs.
struct TextTable {
    /// How a cell is coloured (when colour is on).
    enum Tint: Equatable {
        case plain, bold, dim, green, yellow, red, cyan
    }

    /// A column: its header, its label in a stacked block, and whether its cells may wrap.
    struct Column {
        var header: String
        /// Put before the value in a stacked block (`difficulty 2`); empty for the value alone.
        var label: String = ""
        var wraps: Bool = false
        var alignRight: Bool = false
        /// Left out of the column layout when the table does not fit with it (it stays in
        /// stacked blocks).
        var droppable: Bool = false
    }

    /// A cell's text and colour.
    struct Cell: Equatable {
        var text: String
        var tint: Tint = .plain

        init(_ text: String, _ tint: Tint = .plain) {
            self.text = text
            self.tint = tint
        }
    }

    var columns: [Column]
    var rows: [[Cell]]
    /// How many leading cells make a stacked block's first line.
    var headCells = 1
    /// Whether the header row is shown in the column layout.
    var showsHeader = true

    /// Below this width rows are stacked.
    static let stackBelow = 70
    /// The fewest cells a wrapping column is squeezed to before the rows are stacked.
    static let minimumWrapWidth = 24
    /// Cells between columns.
    static let gap = 2

    /// The table's lines for `width` cells.
    func render(width: Int, style: TerminalStyle) -> [String] {
        guard !rows.isEmpty else { return [] }
        if width >= Self.stackBelow {
            if let widths = fit(width) { return columnar(widths, style: style) }
            let kept = columns.indices.filter { !columns[$0].droppable }
            if kept.count < columns.count {
                let narrower = TextTable(columns: kept.map { columns[$0] },
                                         rows: rows.map { row in kept.map { $0 < row.count ? row[$0] : Cell("") } },
                                         headCells: 1, showsHeader: showsHeader)
                if let widths = narrower.fit(width) { return narrower.columnar(widths, style: style) }
            }
        }
        return stacked(width, style: style)
    }

    /// Column widths within `width`, or `nil` when the table must stack.
    func fit(_ width: Int) -> [Int]? {
        let all = (showsHeader ? [columns.map { Cell($0.header) }] : []) + rows
        let natural = columns.indices.map { c in all.map { cellWidth($0, c) }.max() ?? 0 }
        let available = width - Self.gap * (columns.count - 1)
        if natural.reduce(0, +) <= available { return natural }
        let longestWord = columns.indices.map { c in
            all.flatMap { row in c < row.count ? row[c].text.split(separator: " ").map { DisplayWidth.of(text: $0) } : [] }.max() ?? 0
        }
        var widths = columns.indices.map { c in
            columns[c].wraps ? min(natural[c], max(longestWord[c], Self.minimumWrapWidth)) : natural[c]
        }
        var left = available - widths.reduce(0, +)
        guard left >= 0 else { return nil }
        // Hand out the rest one cell at a time to the wrapping column furthest from its natural width.
        while left > 0, let c = columns.indices.filter({ columns[$0].wraps && widths[$0] < natural[$0] })
            .max(by: { natural[$0] - widths[$0] < natural[$1] - widths[$1] }) {
            widths[c] += 1
            left -= 1
        }
        return widths
    }

    private func cellWidth(_ row: [Cell], _ column: Int) -> Int {
        column < row.count ? DisplayWidth.of(text: row[column].text) : 0
    }

    private func columnar(_ widths: [Int], style: TerminalStyle) -> [String] {
        var out: [String] = []
        if showsHeader {
            out += lines(columns.map { Cell($0.header, .bold) }, widths: widths, style: style)
        }
        for row in rows { out += lines(row, widths: widths, style: style) }
        return out
    }

    /// One row, its wrapping cells over as many lines as they need.
    private func lines(_ row: [Cell], widths: [Int], style: TerminalStyle) -> [String] {
        let wrapped: [[String]] = columns.indices.map { c in
            let text = c < row.count ? row[c].text : ""
            guard columns[c].wraps, DisplayWidth.of(text: text) > widths[c] else { return [text] }
            return InlineLayout(colour: false).wrap([.text(text)], width: widths[c]).map(\.text)
        }
        let height = wrapped.map(\.count).max() ?? 1
        let last = columns.count - 1
        return (0..<height).map { index in
            var line = ""
            for c in columns.indices {
                let text = index < wrapped[c].count ? wrapped[c][index] : ""
                let room = max(0, widths[c] - DisplayWidth.of(text: text))
                let tint = c < row.count ? row[c].tint : .plain
                if columns[c].alignRight { line += String(repeating: " ", count: room) }
                line += Self.paint(text, tint, style)
                if c < last {
                    line += String(repeating: " ", count: (columns[c].alignRight ? 0 : room) + Self.gap)
                }
            }
            return Self.trimmedRight(line)
        }
    }

    private func stacked(_ width: Int, style: TerminalStyle) -> [String] {
        let wrapper = TextWrapper(width: width)
        // Right-aligned head cells (numbers) keep their alignment, so the blocks line up.
        let headWidths = (0..<headCells).map { c in rows.map { cellWidth($0, c) }.max() ?? 0 }
        let numbered = columns.first?.alignRight ?? false
        let indent = numbered ? min(6, (headWidths.first ?? 0) + 2) : 4
        var out: [String] = []
        for row in rows {
            let head = row.prefix(headCells).enumerated().compactMap { c, cell -> String? in
                guard !cell.text.isEmpty else { return nil }
                let pad = c < columns.count && columns[c].alignRight
                    ? String(repeating: " ", count: headWidths[c] - DisplayWidth.of(text: cell.text)) : ""
                return pad + Self.paint(cell.text, cell.tint, style)
            }
            out += wrapper.wrapLine(head.joined(separator: "  "), hang: indent)
            let pairs = row.indices.dropFirst(headCells).compactMap { c -> String? in
                guard !row[c].text.isEmpty, row[c].text != "-" else { return nil }
                let label = c < columns.count ? columns[c].label : ""
                return (label.isEmpty ? "" : label + " ") + Self.paint(row[c].text, row[c].tint, style)
            }
            if !pairs.isEmpty {
                out += wrapper.wrapLine(String(repeating: " ", count: indent) + pairs.joined(separator: " · "), hang: indent)
            }
        }
        return out
    }

    static func paint(_ text: String, _ tint: Tint, _ style: TerminalStyle) -> String {
        switch tint {
        case .plain: text
        case .bold: style.bold(text)
        case .dim: style.dim(text)
        case .green: style.green(text)
        case .yellow: style.yellow(text)
        case .red: style.red(text)
        case .cyan: style.cyan(text)
        }
    }

    private static func trimmedRight(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
