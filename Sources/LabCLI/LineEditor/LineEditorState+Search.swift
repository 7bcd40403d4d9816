extension LineEditorState {
    /// Ctrl-R outside a search: starts one, with an empty query.
    mutating func startSearch() -> EditAction {
        search = HistorySearch(original: buffer, originalCursor: cursor)
        return .redraw
    }

    /// A key during a search (see ``HistorySearch``).
    mutating func applyInSearch(_ key: Key, _ current: HistorySearch) -> EditAction {
        var s = current
        switch key {
        case .text(let scalar):
            s.query.append(scalar)
            find(&s, from: s.match ?? history.entries.count - 1)
        case .backspace:
            guard !s.query.isEmpty else { return .bell }
            s.query.removeLast()
            s.match = nil
            find(&s, from: history.entries.count - 1)
        case .control("r"):
            guard let match = s.match, !s.query.isEmpty else {
                search = s
                return .bell
            }
            find(&s, from: match - 1)
            search = s
            return s.failed ? .bell : .redraw
        case .control("g"):
            search = nil
            replaceBuffer(with: s.original)
            moveCursor(to: s.originalCursor)
            return .redraw
        case .control("c"):
            search = nil
            startNewLine()
            return .cancel
        case .enter:
            search = nil
            return apply(.enter)
        case .escape:
            search = nil
            return .redraw
        default:
            // Keep the entry found and edit it.
            search = nil
            return apply(key)
        }
        search = s
        return .redraw
    }

    /// Looks for the query from entry `start` back to the oldest; shows the entry found with
    /// the cursor at the match, or marks the search failed and leaves the line as it is.
    private mutating func find(_ s: inout HistorySearch, from start: Int) {
        let entries = history.entries
        guard !s.query.isEmpty else {
            s.failed = false
            return
        }
        var index = min(start, entries.count - 1)
        while index >= 0 {
            let scalars = Array(entries[index].unicodeScalars)
            if let at = Self.firstIndex(of: s.query, in: scalars) {
                s.match = index
                s.failed = false
                replaceBuffer(with: scalars)
                moveCursor(to: at)
                historyIndex = nil
                return
            }
            index -= 1
        }
        s.failed = true
    }

    /// Where `needle` first occurs in `haystack`, searching from the end (as readline
    /// places the cursor on the last occurrence).
    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for start in stride(from: haystack.count - needle.count, through: 0, by: -1)
        where Array(haystack[start..<(start + needle.count)]) == needle {
            return start
        }
        return nil
    }
}
