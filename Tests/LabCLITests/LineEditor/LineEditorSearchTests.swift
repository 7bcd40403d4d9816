import Foundation
import Testing
@testable import LabCLI

@Suite("Line editor: Ctrl-R, tabs and history on disk")
struct LineEditorSearchTests {
    static let history = ["lessons", "start producer-only", "check", "start consumer-only", "hint"]

    @Test("Ctrl-R finds the newest entry holding the text, again finds older ones, Enter runs it")
    func search() {
        var state = LineEditorState.holding("draft", history: Self.history)
        #expect(state.apply(.control("r")) == .redraw)
        #expect(state.search?.prompt == "(reverse-i-search)`': ")
        state.type("sta")
        #expect(state.picture == "|start consumer-only")
        #expect(state.search?.prompt == "(reverse-i-search)`sta': ")
        #expect(state.apply(.control("r")) == .redraw)
        #expect(state.picture == "|start producer-only")
        #expect(state.apply(.control("r")) == .bell)
        #expect(state.search?.failed == true)
        #expect(state.search?.prompt == "(failed reverse-i-search)`sta': ")
        #expect(state.picture == "|start producer-only")
        #expect(state.apply(.enter) == .submit("start producer-only"))
        #expect(state.search == nil)
    }

    @Test("typing more narrows; Backspace widens again from the newest")
    func narrowing() {
        var state = LineEditorState.holding("", history: Self.history)
        _ = state.apply(.control("r"))
        state.type("s")
        #expect(state.picture == "start con|sumer-only")
        state.type("s")
        #expect(state.picture == "le|ssons")
        _ = state.apply(.backspace)
        #expect(state.picture == "start con|sumer-only")
        _ = state.apply(.backspace)
        state.type("h")
        #expect(state.picture == "|hint")
    }

    @Test("Ctrl-G gives the line back; another key keeps the entry found and acts on it")
    func leaving() {
        var state = LineEditorState.holding("mine", history: Self.history)
        _ = state.apply(.control("r"))
        state.type("check")
        #expect(state.apply(.control("g")) == .redraw)
        #expect(state.picture == "mine|")
        _ = state.apply(.control("r"))
        state.type("check")
        #expect(state.apply(.control("e")) == .redraw)
        #expect(state.search == nil)
        #expect(state.picture == "check|")
        _ = state.apply(.control("r"))
        #expect(state.apply(.control("c")) == .cancel)
        #expect(state.picture == "|")
    }

    @Test("Ctrl-R with no history rings the bell")
    func emptyHistory() {
        var state = LineEditorState.holding("")
        #expect(state.apply(.control("r")) == .bell)
        #expect(state.search == nil)
    }

    @Test("Tab completes at the prompt but inserts a tab in a paste")
    func tabs() {
        var paste = LineEditorState.holding("\"a\":")
        paste.tabInserts = true
        #expect(paste.apply(.tab) == .redraw)
        #expect(paste.line == "\"a\":\t")
        var prompt = LineEditorState.holding("he")
        #expect(prompt.apply(.tab) == .requestCompletion)
    }

    @Test("history is kept on disk, newest last, and bounded")
    func historyFile() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        var file = HistoryFile(root: root.path + "/state")
        file.limit = 3
        #expect(file.load().isEmpty)
        for line in ["one", "two", " ", "three", "four"] { file.append(line) }
        #expect(file.load() == ["two", "three", "four"])
        for n in 5...8 { file.append("line \(n)") }
        // Past twice the limit (at `line 7`) the file is rewritten with the newest lines only.
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text == "# kdslab history, formatVersion 1\nline 5\nline 6\nline 7\nline 8\n")
        #expect(file.load() == ["line 6", "line 7", "line 8"])
    }

    @Test("a history file without the header is not read")
    func foreignFile() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path, withIntermediateDirectories: true)
        try root.write("history", "rm -rf /\n")
        #expect(HistoryFile(root: root.path).load().isEmpty)
    }
}
