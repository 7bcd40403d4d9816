import Testing
@testable import LabCLI

@Suite("Line editor editing keys")
struct LineEditorStateTests {
    @Test("each editing key changes the line and cursor as bound", arguments: [
        // (line, cursor from end, key, expected picture)
        ("abc", 0, Key.text("x"), "abcx|"),
        ("abc", 1, .text("é"), "abé|c"),
        ("abc", 0, .backspace, "ab|"),
        ("abc", 3, .backspace, "|abc"),
        ("abc", 2, .backspace, "|bc"),
        ("abc", 2, .delete, "a|c"),
        ("abc", 0, .delete, "abc|"),
        ("abc", 2, .control("d"), "a|c"),
        ("abc", 0, .left, "ab|c"),
        ("abc", 3, .left, "|abc"),
        ("abc", 1, .right, "abc|"),
        ("abc", 0, .right, "abc|"),
        ("abc", 1, .control("b"), "a|bc"),
        ("abc", 2, .control("f"), "ab|c"),
        ("abc", 1, .home, "|abc"),
        ("abc", 1, .control("a"), "|abc"),
        ("abc", 3, .end, "abc|"),
        ("abc", 3, .control("e"), "abc|"),
        ("abcdef", 4, .control("k"), "ab|"),
        ("abcdef", 4, .control("u"), "|cdef"),
        ("stream describe  ", 0, .control("w"), "stream |"),
        ("stream describe x", 2, .control("w"), "stream | x"),
        ("put my-stream", 0, .deleteWordBackward, "put my-|"),
        ("put my-stream", 0, .wordLeft, "put my-|stream"),
        ("put my-stream", 13, .wordRight, "put| my-stream"),
        ("put my-stream", 9, .wordRight, "put my|-stream"),
        ("ab", 0, .control("t"), "ba|"),
        ("abc", 1, .control("t"), "acb|"),
        ("abc", 0, .escape, "abc|"),
        ("abc", 0, .control("z"), "abc|"),
    ])
    func editing(line: String, cursorFromEnd: Int, key: Key, expected: String) {
        var state = LineEditorState.holding(line, cursorFromEnd: cursorFromEnd)
        #expect(state.apply(key) == .redraw)
        #expect(state.picture == expected)
    }

    @Test("Ctrl-Y puts back what Ctrl-K removed")
    func yank() {
        var state = LineEditorState.holding("abcdef", cursorFromEnd: 3)
        _ = state.apply(.control("k"))
        _ = state.apply(.control("a"))
        _ = state.apply(.control("y"))
        #expect(state.picture == "def|abc")
    }

    @Test("wide and combining characters are single scalars in the buffer")
    func wideCharacters() {
        var state = LineEditorState.holding("中文")
        _ = state.apply(.backspace)
        #expect(state.picture == "中|")
    }

    @Test("Enter submits the line, records it and starts an empty one")
    func enter() {
        var state = LineEditorState.holding("list streams", cursorFromEnd: 4)
        #expect(state.apply(.enter) == .submit("list streams"))
        #expect(state.picture == "|")
        #expect(state.history.entries == ["list streams"])
    }

    @Test("Ctrl-C discards the line without recording it")
    func controlC() {
        var state = LineEditorState.holding("half typed")
        #expect(state.apply(.control("c")) == .cancel)
        #expect(state.picture == "|")
        #expect(state.history.entries.isEmpty)
    }

    @Test("Ctrl-D ends input only on an empty line")
    func controlD() {
        var empty = LineEditorState()
        #expect(empty.apply(.control("d")) == .endOfInput)
        var typed = LineEditorState.holding("ab", cursorFromEnd: 0)
        #expect(typed.apply(.control("d")) == .redraw)
        #expect(typed.picture == "ab|")
    }

    @Test("Ctrl-L asks for a cleared screen and keeps the line")
    func controlL() {
        var state = LineEditorState.holding("abc", cursorFromEnd: 1)
        #expect(state.apply(.control("l")) == .clearScreen)
        #expect(state.picture == "ab|c")
    }

    @Test("control characters never enter the buffer")
    func noControlCharacters() {
        var state = LineEditorState()
        _ = state.apply(.text("\u{1B}"))
        _ = state.apply(.text("\u{85}"))
        state.insert(["a", "\u{07}", "b"])
        #expect(state.picture == "ab|")
    }
}
