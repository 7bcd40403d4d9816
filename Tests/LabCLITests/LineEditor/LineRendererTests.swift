import Testing
@testable import LabCLI

@Suite("Line editor rendering")
struct LineRendererTests {
    private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test("a short line: return, prompt, text, clear to end, cursor moved back")
    func simple() {
        var renderer = LineRenderer()
        #expect(renderer.render(prompt: "> ", buffer: scalars("abc"), cursor: 1, width: 80)
                == "\r> abc\u{1B}[K\r\u{1B}[3C")
        #expect(renderer.render(prompt: "", buffer: [], cursor: 0, width: 80) == "\r\u{1B}[K\r")
    }

    @Test("colour codes in the prompt take no cells")
    func colouredPrompt() {
        let prompt = "\u{1B}[1;36mkdslab\u{1B}[0m> "
        #expect(LineRenderer.visibleWidth(ofPrompt: prompt) == 8)
        #expect(LineRenderer.visibleWidth(ofPrompt: "\u{1B}]0;title\u{07}$ ") == 2)
        var renderer = LineRenderer()
        #expect(renderer.render(prompt: prompt, buffer: scalars("ls"), cursor: 2, width: 80)
                == "\r\(prompt)ls\u{1B}[K\r\u{1B}[10C")
    }

    @Test("wide characters take two cells and combining marks none")
    func wideCharacters() {
        var renderer = LineRenderer()
        #expect(renderer.layout(prompt: "> ", buffer: scalars("中文x"), cursor: 1, width: 80).cursorColumn == 4)
        #expect(renderer.layout(prompt: "> ", buffer: scalars("e\u{301}x"), cursor: 2, width: 80).cursorColumn == 3)
    }

    @Test("a line wider than the terminal scrolls sideways on one row, marking hidden text")
    func horizontalScroll() {
        var renderer = LineRenderer()
        let line = scalars("abcdefghijklmnop")
        // 10 columns: 2 for the prompt, 7 for text, the last one kept free; once scrolled,
        // `«` takes the first text cell and `»` the last when text is hidden there.
        #expect(renderer.render(prompt: "> ", buffer: line, cursor: 16, width: 10)
                == "\r> «lmnop\u{1B}[K\r\u{1B}[8C")
        // Moving left inside the view moves the cursor, not the text.
        #expect(renderer.layout(prompt: "> ", buffer: line, cursor: 12, width: 10)
                == .init(showsPrompt: true, visible: 11..<16, cursorColumn: 4, hiddenLeft: true))
        // Leaving the view on the left scrolls it; the start shows no `«`, the rest a `»`.
        #expect(renderer.layout(prompt: "> ", buffer: line, cursor: 0, width: 10)
                == .init(showsPrompt: true, visible: 0..<6, cursorColumn: 2, hiddenRight: true))
        #expect(renderer.render(prompt: "> ", buffer: line, cursor: 0, width: 10) == "\r> abcdef»\u{1B}[K\r\u{1B}[2C")
        // In the middle, both.
        #expect(renderer.render(prompt: "> ", buffer: line, cursor: 7, width: 10) == "\r> «defgh»\u{1B}[K\r\u{1B}[7C")
        // Right again to the end scrolls back with the cursor at the right edge.
        #expect(renderer.layout(prompt: "> ", buffer: line, cursor: 16, width: 10)
                == .init(showsPrompt: true, visible: 11..<16, cursorColumn: 8, hiddenLeft: true))
    }

    @Test("a line that fits has no markers, even filling every column but the last")
    func noMarkers() {
        var renderer = LineRenderer()
        #expect(renderer.render(prompt: "> ", buffer: scalars("abcdefg"), cursor: 7, width: 10) == "\r> abcdefg\u{1B}[K\r\u{1B}[9C")
    }

    @Test("a tab is shown as one space")
    func tab() {
        var renderer = LineRenderer()
        #expect(renderer.render(prompt: "", buffer: scalars("\ta"), cursor: 2, width: 10) == "\r a\u{1B}[K\r\u{1B}[2C")
    }

    @Test("a wide character under the cursor is shown whole")
    func wideUnderCursor() {
        var renderer = LineRenderer()
        let line = scalars("abcdef中")
        let layout = renderer.layout(prompt: "> ", buffer: line, cursor: 6, width: 10)
        #expect(layout.visible == 3..<7)
        #expect(layout.cursorColumn == 6)
        #expect(layout.hiddenLeft && !layout.hiddenRight)
    }

    @Test("a prompt that leaves no room is not shown")
    func widePrompt() {
        var renderer = LineRenderer()
        let layout = renderer.layout(prompt: "0123456789> ", buffer: scalars("ab"), cursor: 2, width: 10)
        #expect(!layout.showsPrompt)
        #expect(layout.cursorColumn == 2)
    }

    @Test("candidates are listed in columns, down each column")
    func candidates() {
        #expect(LineRenderer.candidateList(["a", "bb", "ccc"], width: 12) == "a    ccc\r\nbb\r\n")
        #expect(LineRenderer.candidateList(["one", "two"], width: 3) == "one\r\ntwo\r\n")
        #expect(LineRenderer.candidateList([], width: 80) == "")
    }
}
