@testable import LabCLI

extension LineEditorState {
    /// A state holding `text` with the cursor `cursorFromEnd` scalars before its end.
    static func holding(_ text: String, cursorFromEnd: Int = 0, history: [String] = []) -> LineEditorState {
        var state = LineEditorState(history: LineHistory(entries: history))
        state.type(text)
        state.moveCursor(to: state.buffer.count - cursorFromEnd)
        return state
    }

    /// Types `text` one scalar at a time.
    mutating func type(_ text: String) {
        for scalar in text.unicodeScalars { _ = apply(.text(scalar)) }
    }

    /// The line with `|` at the cursor, for compact expectations.
    var picture: String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: buffer[..<cursor])
        text.append("|")
        text.append(contentsOf: buffer[cursor...])
        return String(text)
    }
}
