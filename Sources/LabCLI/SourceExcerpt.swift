import IAMPolicy

/// Lines of a learner's text with a gutter of line numbers, optionally underlining a span:
///
///     4 |     "Action": "kinesis:*",
///       |               ^~~~~~~~~~~
///
/// Tabs are expanded and columns (which count Unicode scalars) are turned into terminal
/// cells, so the underline stays under the span even after tabs and wide characters.
struct SourceExcerpt {
    /// The text's lines, without their line breaks.
    let lines: [Substring]

    /// Cells a tab advances to the next multiple of.
    static let tabWidth = 4

    /// The widest line shown; a longer line is cut to a window around the span, marked `…`.
    let maxWidth: Int

    /// Splits `text` on `\n`, `\r\n` and a lone `\r`, as the JSON reader counts lines;
    /// lines are shown at most `maxWidth` cells wide (at least 20).
    init(_ text: String, maxWidth: Int = 120) {
        self.maxWidth = max(20, maxWidth)
        var out: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            // "\r\n" is a single Character, so this covers all three line breaks.
            if c == "\n" || c == "\r" || c == "\r\n" {
                out.append(text[start..<i])
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        out.append(text[start...])
        lines = out
    }

    /// Lines `range.start.line` onwards, at most `maxLines` (then `...`), without underline;
    /// `dimmed` dims the text as well as the gutter.
    func lines(of range: SourceRange, maxLines: Int, style: TerminalStyle, dimmed: Bool = false) -> [String] {
        // One line more than `maxLines` is shown rather than replaced by `...`.
        let fits = range.end.line - range.start.line <= maxLines
        let last = fits ? range.end.line : range.start.line + maxLines - 1
        var out = rows(range.start.line...max(range.start.line, last), style: style, dimmed: dimmed) { _, _ in nil }
        if range.end.line > last { out.append(gutter("", width: width(last), style: style) + style.dim("...")) }
        return out
    }

    /// The lines of `range` with the span underlined (`^` at its start, `~` after),
    /// at most `maxLines` of them. An empty range gets a single `^`.
    func underlined(_ range: SourceRange, maxLines: Int = 4, style: TerminalStyle,
                    mark: (String) -> String) -> [String] {
        var endLine = range.end.line
        if endLine > range.start.line && range.end.column == 1 { endLine -= 1 }
        let last = min(endLine, range.start.line + maxLines - 1)
        func spanCells(_ n: Int) -> (start: Int, end: Int) {
            let cells = self.cells(n)
            let lineLength = cells.count - 1
            let from = n == range.start.line ? range.start.column : firstNonBlankColumn(n)
            let to = n == range.end.line ? range.end.column : lineLength + 1
            return (cells[min(max(from, 1), cells.count) - 1], cells[min(max(to, 1), cells.count) - 1])
        }
        var out = rows(range.start.line...max(range.start.line, last), style: style,
                       anchor: { spanCells($0).start }) { n, window in
            let (startCell, endCell) = spanCells(n)
            let head = n == range.start.line ? "^" : "~"
            // Shift into the window (one cell for a leading `…`) and clip at its end.
            let shift = window.lowerBound > 0 ? window.lowerBound - 1 : 0
            let from = max(startCell - shift, window.lowerBound > 0 ? 1 : 0)
            let to = min(endCell - shift, window.upperBound - shift)
            let length = max(to - from, 1)
            return String(repeating: " ", count: from) + mark(head + String(repeating: "~", count: length - 1))
        }
        if endLine > last { out.append(gutter("", width: width(last), style: style) + style.dim("...")) }
        return out
    }

    /// Each numbered line, followed by its underline when `underline` gives one. A line wider
    /// than `maxWidth` is cut to a window around `anchor` (a cell), marked with `…`.
    private func rows(_ numbers: ClosedRange<Int>, style: TerminalStyle, dimmed: Bool = false,
                      anchor: (Int) -> Int = { _ in 0 },
                      underline: (Int, Range<Int>) -> String?) -> [String] {
        let w = width(numbers.upperBound)
        var out: [String] = []
        for n in numbers where n >= 1 && n <= lines.count {
            let window = self.window(n, anchor: anchor(n))
            let text = trimmed(clipped(n, to: window))
            let row = gutter(String(n), width: w, style: style) + (dimmed ? style.dim(text) : text)
            out.append(text.isEmpty ? String(row.dropLast()) : row)
            if let u = underline(n, window) { out.append(gutter("", width: w, style: style) + u) }
        }
        return out
    }

    /// The cells of line `n` to show: all of it when it fits, else `maxWidth` cells that
    /// start a little before `anchor`.
    private func window(_ n: Int, anchor: Int) -> Range<Int> {
        let total = cells(n).last ?? 0
        guard total > maxWidth else { return 0..<total }
        let start = min(max(anchor - 20, 0), max(total - maxWidth, 0))
        return start..<min(start + maxWidth, total)
    }

    /// Line `n`, tabs expanded, cut to `window` with `…` where text was left out.
    private func clipped(_ n: Int, to window: Range<Int>) -> String {
        let full = expanded(n)
        let total = cells(n).last ?? 0
        if window.lowerBound == 0 && window.upperBound >= total { return full }
        var out = window.lowerBound > 0 ? "…" : ""
        var cell = 0
        for scalar in full.unicodeScalars {
            let width = DisplayWidth.of(scalar)
            if cell >= window.lowerBound && cell + width <= window.upperBound { out.unicodeScalars.append(scalar) }
            cell += width
            if cell >= window.upperBound { break }
        }
        if window.upperBound < total { out += "…" }
        return out
    }

    private func gutter(_ number: String, width: Int, style: TerminalStyle) -> String {
        let pad = String(repeating: " ", count: max(width - number.count, 0))
        return style.dim(" \(pad)\(number) |") + " "
    }

    private func width(_ lastLine: Int) -> Int { String(lastLine).count }

    private func trimmed(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Line `n` with tabs expanded to spaces.
    func expanded(_ n: Int) -> String {
        var out = ""
        var cell = 0
        for scalar in lines[n - 1].unicodeScalars {
            if scalar == "\t" {
                let next = (cell / Self.tabWidth + 1) * Self.tabWidth
                out += String(repeating: " ", count: next - cell)
                cell = next
            } else {
                out.unicodeScalars.append(scalar)
                cell += DisplayWidth.of(scalar)
            }
        }
        return out
    }

    /// The cell where each column of line `n` starts (index 0 is column 1); the last
    /// element is the cell just past the line.
    func cells(_ n: Int) -> [Int] {
        var out: [Int] = [0]
        guard n >= 1 && n <= lines.count else { return out }
        var cell = 0
        for scalar in lines[n - 1].unicodeScalars {
            cell = scalar == "\t" ? (cell / Self.tabWidth + 1) * Self.tabWidth : cell + DisplayWidth.of(scalar)
            out.append(cell)
        }
        return out
    }

    private func firstNonBlankColumn(_ n: Int) -> Int {
        guard n >= 1 && n <= lines.count else { return 1 }
        var column = 1
        for scalar in lines[n - 1].unicodeScalars {
            if scalar != " " && scalar != "\t" { return column }
            column += 1
        }
        return column
    }
}
