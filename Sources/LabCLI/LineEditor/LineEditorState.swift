/// The line being edited, its cursor and the history: the whole line editor without a
/// terminal.
///
/// Feed it ``Key`` values with ``apply(_:)``; each returns an ``EditAction`` saying what the
/// terminal should do next. The state lives across lines (it owns the history); after
/// Enter or Ctrl-C it starts a fresh, empty line by itself.
struct LineEditorState: Sendable {
    /// The line, one Unicode scalar per element. Holds printable scalars only.
    private(set) var buffer: [Unicode.Scalar] = []
    /// Where the next character goes, as an index into ``buffer``.
    // INVARIANT: 0 <= cursor <= buffer.count
    private(set) var cursor = 0
    /// The lines entered before.
    private(set) var history: LineHistory
    /// Which history entry is shown; `nil` while editing the new line.
    var historyIndex: Int?
    /// The new line, kept while browsing the history.
    var draft: [Unicode.Scalar] = []
    /// The text last removed by Ctrl-K, Ctrl-U or Ctrl-W, for Ctrl-Y.
    var killed: [Unicode.Scalar] = []
    /// Tabs pressed in a row, so a second one lists the candidates.
    var consecutiveTabs = 0
    /// Whether Tab inserts a tab instead of completing (for pasted text, where tabs are kept).
    var tabInserts = false
    /// The reverse history search under way (Ctrl-R), if any.
    var search: HistorySearch?

    /// Creates an empty line with `history`.
    init(history: LineHistory = LineHistory()) {
        self.history = history
    }

    /// The line as text.
    var line: String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: buffer)
        return String(text)
    }

    /// Handles one key.
    mutating func apply(_ key: Key) -> EditAction {
        if let search { return applyInSearch(key, search) }
        consecutiveTabs = key == .tab ? consecutiveTabs + 1 : 0
        switch key {
        case .text(let scalar): insert([scalar])
        case .enter: return submit()
        case .tab:
            guard tabInserts else { return .requestCompletion }
            insert(["\t"])
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .left: moveCursor(to: cursor - 1)
        case .right: moveCursor(to: cursor + 1)
        case .home: moveCursor(to: 0)
        case .end: moveCursor(to: buffer.count)
        case .wordLeft: moveCursor(to: startOfWord(before: cursor))
        case .wordRight: moveCursor(to: endOfWord(after: cursor))
        case .deleteWordBackward: kill(startOfWord(before: cursor)..<cursor)
        case .up: return showOlderEntry()
        case .down: return showNewerEntry()
        case .escape: break
        case .control(let letter): return applyControl(letter)
        }
        return .redraw
    }

    /// Handles one key, answering a completion request with `completer` at once.
    ///
    /// - Parameter completer: given the line and the cursor (as a count of Unicode
    ///   scalars), the candidates for the word before the cursor, each the whole word.
    mutating func press(_ key: Key, completer: (_ line: String, _ cursor: Int) -> [String]) -> EditAction {
        let action = apply(key)
        guard action == .requestCompletion else { return action }
        return complete(with: completer(line, cursor))
    }

    private mutating func applyControl(_ letter: Character) -> EditAction {
        switch letter {
        case "a": moveCursor(to: 0)
        case "e": moveCursor(to: buffer.count)
        case "b": moveCursor(to: cursor - 1)
        case "f": moveCursor(to: cursor + 1)
        case "k": kill(cursor..<buffer.count)
        case "u": kill(0..<cursor)
        case "w": kill(startOfSpaceDelimitedWord(before: cursor)..<cursor)
        case "y": insert(killed)
        case "t": transpose()
        case "l": return .clearScreen
        case "p": return showOlderEntry()
        case "n": return showNewerEntry()
        case "r": return history.entries.isEmpty ? .bell : startSearch()
        case "c":
            startNewLine()
            return .cancel
        case "d":
            if buffer.isEmpty { return .endOfInput }
            deleteForward()
        default: break
        }
        return .redraw
    }

    private mutating func submit() -> EditAction {
        let entered = line
        history.add(entered)
        startNewLine()
        return .submit(entered)
    }

    /// Empties the line and leaves the history browsing, keeping the history itself.
    mutating func startNewLine() {
        replaceBuffer(with: [])
        search = nil
        historyIndex = nil
        draft = []
        consecutiveTabs = 0
    }

    /// Replaces the whole line and puts the cursor at its end.
    mutating func replaceBuffer(with scalars: [Unicode.Scalar]) {
        buffer = scalars.filter(Self.isPrintable)
        cursor = buffer.count
    }

    /// Moves the cursor, clamped to the line.
    mutating func moveCursor(to position: Int) {
        cursor = min(max(position, 0), buffer.count)
    }

    /// Inserts printable scalars at the cursor and moves past them.
    mutating func insert(_ scalars: [Unicode.Scalar]) {
        let printable = scalars.filter(Self.isPrintable)
        buffer.insert(contentsOf: printable, at: cursor)
        cursor += printable.count
    }

    /// Replaces `range` of the line with `scalars`, leaving the cursor after them.
    mutating func replace(_ range: Range<Int>, with scalars: [Unicode.Scalar]) {
        let printable = scalars.filter(Self.isPrintable)
        buffer.replaceSubrange(range, with: printable)
        cursor = range.lowerBound + printable.count
    }

    /// Whether a scalar may stand in the line (no control characters but the tab).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || (scalar.value >= 0x20 && !(0x7F..<0xA0).contains(scalar.value))
    }
}
