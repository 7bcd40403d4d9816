extension LineEditorState {
    /// Removes the scalar before the cursor.
    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        replace((cursor - 1)..<cursor, with: [])
    }

    /// Removes the scalar under the cursor.
    mutating func deleteForward() {
        guard cursor < buffer.count else { return }
        let keep = cursor
        replace(cursor..<(cursor + 1), with: [])
        moveCursor(to: keep)
    }

    /// Removes `range`, remembering it for Ctrl-Y; the cursor goes to where it was.
    mutating func kill(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        killed = Array(buffer[range])
        replace(range, with: [])
    }

    /// Swaps the two scalars around the cursor (at the end of the line, the last two).
    mutating func transpose() {
        guard buffer.count >= 2, cursor > 0 else { return }
        let right = min(cursor, buffer.count - 1)
        let pair = [buffer[right], buffer[right - 1]]
        replace((right - 1)..<(right + 1), with: pair)
    }

    /// Where the alphanumeric word before `position` starts (Alt-b, Alt-Backspace).
    func startOfWord(before position: Int) -> Int {
        var index = position
        while index > 0, !Self.isWordScalar(buffer[index - 1]) { index -= 1 }
        while index > 0, Self.isWordScalar(buffer[index - 1]) { index -= 1 }
        return index
    }

    /// Where the alphanumeric word after `position` ends (Alt-f).
    func endOfWord(after position: Int) -> Int {
        var index = position
        while index < buffer.count, !Self.isWordScalar(buffer[index]) { index += 1 }
        while index < buffer.count, Self.isWordScalar(buffer[index]) { index += 1 }
        return index
    }

    /// Where the whitespace-delimited word before `position` starts (Ctrl-W), skipping
    /// whitespace just before `position`.
    func startOfSpaceDelimitedWord(before position: Int) -> Int {
        var index = position
        while index > 0, buffer[index - 1].properties.isWhitespace { index -= 1 }
        while index > 0, !buffer[index - 1].properties.isWhitespace { index -= 1 }
        return index
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }
}
