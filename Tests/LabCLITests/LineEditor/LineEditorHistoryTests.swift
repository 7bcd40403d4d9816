import Testing
@testable import LabCLI

@Suite("Line editor history")
struct LineEditorHistoryTests {
    @Test("blank lines and consecutive duplicates are not kept; the oldest go past the limit")
    func recording() {
        var history = LineHistory(limit: 3)
        for line in ["a", "", "  ", "b", "b", "a", "c", "d"] { history.add(line) }
        #expect(history.entries == ["a", "c", "d"])
        #expect(LineHistory(limit: 0).limit == 1)
    }

    @Test("Up walks back through the entries and rings at the oldest")
    func up() {
        var state = LineEditorState.holding("", history: ["one", "two"])
        #expect(state.apply(.up) == .redraw)
        #expect(state.picture == "two|")
        #expect(state.apply(.control("p")) == .redraw)
        #expect(state.picture == "one|")
        #expect(state.apply(.up) == .bell)
        #expect(state.picture == "one|")
    }

    @Test("Down comes back to the line being written, edits kept")
    func downKeepsDraft() {
        var state = LineEditorState.holding("draft", cursorFromEnd: 2, history: ["one", "two"])
        _ = state.apply(.up)
        _ = state.apply(.up)
        #expect(state.apply(.down) == .redraw)
        #expect(state.picture == "two|")
        #expect(state.apply(.control("n")) == .redraw)
        #expect(state.picture == "draft|")
        #expect(state.apply(.down) == .bell)
    }

    @Test("Up with no history rings the bell and keeps the line")
    func emptyHistory() {
        var state = LineEditorState.holding("x")
        #expect(state.apply(.up) == .bell)
        #expect(state.picture == "x|")
    }

    @Test("an edited recalled line is entered as a new entry")
    func editRecalled() {
        var state = LineEditorState.holding("", history: ["describe a"])
        _ = state.apply(.up)
        _ = state.apply(.backspace)
        state.type("b")
        #expect(state.apply(.enter) == .submit("describe b"))
        #expect(state.history.entries == ["describe a", "describe b"])
        #expect(state.apply(.up) == .redraw)
        #expect(state.picture == "describe b|")
    }

    @Test("entering the newest entry again does not repeat it")
    func noDuplicate() {
        var state = LineEditorState.holding("", history: ["same"])
        _ = state.apply(.up)
        #expect(state.apply(.enter) == .submit("same"))
        #expect(state.history.entries == ["same"])
    }
}
