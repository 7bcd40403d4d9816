extension LineEditorState {
    /// Up / Ctrl-P: shows the entry before the one shown, keeping the new line as a draft.
    ///
    /// Edits made to a recalled entry last until the next Up or Down; entering it adds it
    /// as a new entry, the history itself never changes.
    mutating func showOlderEntry() -> EditAction {
        let entries = history.entries
        let target: Int
        switch historyIndex {
        case nil:
            guard !entries.isEmpty else { return .bell }
            draft = buffer
            target = entries.count - 1
        case let index?:
            guard index > 0 else { return .bell }
            target = index - 1
        }
        historyIndex = target
        replaceBuffer(with: Array(entries[target].unicodeScalars))
        return .redraw
    }

    /// Down / Ctrl-N: shows the next newer entry, or the draft after the newest.
    mutating func showNewerEntry() -> EditAction {
        guard let index = historyIndex else { return .bell }
        if index + 1 < history.entries.count {
            historyIndex = index + 1
            replaceBuffer(with: Array(history.entries[index + 1].unicodeScalars))
        } else {
            historyIndex = nil
            replaceBuffer(with: draft)
            draft = []
        }
        return .redraw
    }
}
