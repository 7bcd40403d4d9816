import Testing
@testable import LabCLI

@Suite("Line editor Tab completion")
struct LineEditorCompletionTests {
    private static let commands = ["describe-stream", "describe-stream-consumer", "delete-stream", "list-streams"]

    private static func complete(_ line: String, _ cursor: Int) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var start = cursor
        while start > 0, scalars[start - 1] != " " { start -= 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[start..<cursor])
        return commands.filter { $0.hasPrefix(String(word)) }
    }

    @Test("one candidate completes the word and adds a space")
    func single() {
        var state = LineEditorState.holding("help li")
        #expect(state.press(.tab, completer: Self.complete) == .redraw)
        #expect(state.picture == "help list-streams |")
    }

    @Test("one candidate in the middle of the line steps over an existing space")
    func singleMidLine() {
        var state = LineEditorState.holding("li --limit 3", cursorFromEnd: 10)
        #expect(state.press(.tab, completer: Self.complete) == .redraw)
        #expect(state.picture == "list-streams |--limit 3")
    }

    @Test("several candidates complete their longest common prefix")
    func commonPrefix() {
        var state = LineEditorState.holding("de")
        #expect(state.press(.tab, completer: Self.complete) == .bell)
        #expect(state.picture == "de|")
        var longer = LineEditorState.holding("des")
        #expect(longer.press(.tab, completer: Self.complete) == .redraw)
        #expect(longer.picture == "describe-stream|")
    }

    @Test("a second Tab lists the candidates when nothing more can be completed")
    func secondTabLists() {
        var state = LineEditorState.holding("describe-s")
        #expect(state.press(.tab, completer: Self.complete) == .redraw)
        #expect(state.picture == "describe-stream|")
        #expect(state.press(.tab, completer: Self.complete)
                == .listCandidates(["describe-stream", "describe-stream-consumer"]))
        #expect(state.picture == "describe-stream|")
    }

    @Test("a first Tab without progress rings; a Tab after another key starts over")
    func firstTabRings() {
        var state = LineEditorState.holding("de")
        #expect(state.press(.tab, completer: Self.complete) == .bell)
        _ = state.apply(.left)
        _ = state.apply(.right)
        #expect(state.press(.tab, completer: Self.complete) == .bell)
        #expect(state.press(.tab, completer: Self.complete)
                == .listCandidates(["describe-stream", "describe-stream-consumer", "delete-stream"]))
    }

    @Test("no candidates ring the bell and leave the line alone")
    func none() {
        var state = LineEditorState.holding("zzz")
        #expect(state.press(.tab, completer: Self.complete) == .bell)
        #expect(state.press(.tab, completer: Self.complete) == .bell)
        #expect(state.picture == "zzz|")
    }

    @Test("the completer is asked with the line and the cursor in scalars")
    func request() {
        var state = LineEditorState.holding("中 li", cursorFromEnd: 1)
        #expect(state.apply(.tab) == .requestCompletion)
        #expect(state.completionRequest.line == "中 li")
        #expect(state.completionRequest.cursor == 3)
        #expect(state.completionRange == 2..<3)
    }

    @Test("candidates that do not extend the word never shorten it")
    func unrelatedCandidates() {
        var state = LineEditorState.holding("abc")
        _ = state.apply(.tab)
        #expect(state.complete(with: ["xy1", "xy2"]) == .bell)
        #expect(state.picture == "abc|")
    }
}
