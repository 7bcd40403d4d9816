/// The bytes that redraw the line being edited, on one terminal row.
///
/// A line wider than the terminal scrolls sideways: the renderer shows the part around the
/// cursor and keeps the last column free, so the terminal never wraps. Where text is hidden
/// a marker says so: `«` at the left edge, `»` at the right. The prompt may hold ANSI colour
/// codes; they take no cells. A tab is shown as one space.
struct LineRenderer: Sendable {
    /// The first scalar shown, kept between redraws so the view only scrolls when the
    /// cursor leaves it.
    private(set) var scrollStart = 0

    /// Creates a renderer showing the start of the line.
    init() {}

    /// What one redraw shows.
    struct Layout: Equatable, Sendable {
        /// Whether the prompt is shown (not when it leaves no room for the line).
        var showsPrompt: Bool
        /// The scalars of the line that are shown.
        var visible: Range<Int>
        /// The cursor's column, counted from 0 at the left edge.
        var cursorColumn: Int
        /// Whether text is hidden to the left (`«`) and to the right (`»`).
        var hiddenLeft = false
        var hiddenRight = false
    }

    /// The markers for hidden text.
    static let leftMarker: Unicode.Scalar = "«"
    static let rightMarker: Unicode.Scalar = "»"

    /// Lays out `buffer` behind `prompt` in `width` columns with the cursor at `cursor`,
    /// scrolling as needed, and returns the bytes that redraw the row.
    mutating func render(prompt: String, buffer: [Unicode.Scalar], cursor: Int, width: Int) -> String {
        let layout = self.layout(prompt: prompt, buffer: buffer, cursor: cursor, width: width)
        var out = "\r"
        if layout.showsPrompt { out += prompt }
        var text = String.UnicodeScalarView()
        if layout.hiddenLeft { text.append(Self.leftMarker) }
        text.append(contentsOf: buffer[layout.visible].map { $0 == "\t" ? " " : $0 })
        if layout.hiddenRight { text.append(Self.rightMarker) }
        out += String(text)
        out += "\u{1B}[K\r"
        if layout.cursorColumn > 0 { out += "\u{1B}[\(layout.cursorColumn)C" }
        return out
    }

    /// Chooses what to show; see ``render(prompt:buffer:cursor:width:)``.
    mutating func layout(prompt: String, buffer: [Unicode.Scalar], cursor: Int, width: Int) -> Layout {
        let width = max(width, 2)
        let cursor = min(max(cursor, 0), buffer.count)
        let promptWidth = Self.visibleWidth(ofPrompt: prompt)
        let showsPrompt = promptWidth + 2 <= width
        let promptCells = showsPrompt ? promptWidth : 0
        // The text may use every column but the last; the cursor may stand in the last.
        let textCells = width - promptCells - 1
        let cells = buffer.map { $0 == "\t" ? 1 : DisplayWidth.of($0) }
        let total = cells.reduce(0, +)
        guard total > textCells else {
            scrollStart = 0
            return Layout(showsPrompt: showsPrompt, visible: 0..<buffer.count,
                          cursorColumn: promptCells + cells[..<cursor].reduce(0, +))
        }
        // Scrolled: one cell on the right is kept for `»`, and one on the left for `«` once
        // the view no longer starts at the line's start.
        func room(_ start: Int) -> Int { max(1, textCells - 1 - (start > 0 ? 1 : 0)) }
        var start = min(scrollStart, cursor)
        let underCursor = cursor < cells.count ? cells[cursor] : 0
        var beforeCursor = cells[start..<cursor].reduce(0, +)
        while start < cursor, beforeCursor + underCursor > room(start) {
            beforeCursor -= cells[start]
            start += 1
        }
        scrollStart = start

        var end = start
        var used = 0
        while end < cells.count, used + cells[end] <= room(start) {
            used += cells[end]
            end += 1
        }
        let visible = start..<max(end, cursor)
        return Layout(showsPrompt: showsPrompt, visible: visible,
                      cursorColumn: promptCells + (start > 0 ? 1 : 0) + beforeCursor,
                      hiddenLeft: start > 0, hiddenRight: visible.upperBound < buffer.count)
    }

    /// Forgets the scroll position, for a new line.
    mutating func reset() {
        scrollStart = 0
    }

    /// The cells `prompt` takes, not counting ANSI escape sequences (CSI such as colours,
    /// and OSC such as window titles).
    static func visibleWidth(ofPrompt prompt: String) -> Int {
        var cells = 0
        var scalars = prompt.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                cells += DisplayWidth.of(scalar)
                continue
            }
            switch scalars.next() {
            case "[":
                while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
            case "]":
                var previous: Unicode.Scalar = " "
                while let next = scalars.next(), next != "\u{07}", !(previous == "\u{1B}" && next == "\\") {
                    previous = next
                }
            default:
                break
            }
        }
        return cells
    }
}
