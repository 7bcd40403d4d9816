extension LineEditorState {
    /// The word being completed: from the last whitespace before the cursor to the cursor.
    var completionRange: Range<Int> {
        var start = cursor
        while start > 0, !buffer[start - 1].properties.isWhitespace { start -= 1 }
        return start..<cursor
    }

    /// What a completer is asked: the line and the cursor as a count of Unicode scalars.
    var completionRequest: (line: String, cursor: Int) {
        (line, cursor)
    }

    /// Completes the word before the cursor from `candidates` (each a whole word).
    ///
    /// One candidate replaces the word and adds a space. Several extend the word to their
    /// longest common prefix; when that adds nothing, a Tab right after another Tab lists
    /// them, and a first Tab rings the bell. No candidates ring the bell.
    mutating func complete(with candidates: [String]) -> EditAction {
        var seen: Set<String> = []
        let unique = candidates.filter { !$0.isEmpty && seen.insert($0).inserted }
        let range = completionRange
        let word = Array(buffer[range])
        guard let first = unique.first else { return .bell }
        if unique.count == 1 {
            replace(range, with: Array(first.unicodeScalars))
            if cursor < buffer.count, buffer[cursor] == " " {
                moveCursor(to: cursor + 1)
            } else {
                insert([" "])
            }
            consecutiveTabs = 0
            return .redraw
        }
        let prefix = Self.commonPrefix(unique.map { Array($0.unicodeScalars) })
        if prefix.count > word.count, prefix.starts(with: word) {
            replace(range, with: prefix)
            return .redraw
        }
        return consecutiveTabs >= 2 ? .listCandidates(unique) : .bell
    }

    /// The longest run of scalars every one of `words` starts with.
    static func commonPrefix(_ words: [[Unicode.Scalar]]) -> [Unicode.Scalar] {
        guard var prefix = words.first else { return [] }
        for word in words.dropFirst() {
            let shared = zip(prefix, word).prefix { $0 == $1 }.count
            prefix.removeLast(prefix.count - shared)
        }
        return prefix
    }
}
