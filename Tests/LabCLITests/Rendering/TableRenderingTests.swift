import Testing
import LabKit
@testable import LabCLI

@Suite("Table rendering")
struct TableRenderingTests {
    private let render = RenderingSupport.render

    @Test("a table that fits keeps natural widths and its alignments")
    func natural() {
        let markdown = "| Action | Count | Level |\n|---|---:|:---:|\n| PutRecord | 1 | write |\n| ListStreams | 25 | list |"
        #expect(render(markdown, 80, .plain) == [
            "Action      │ Count │ Level",
            "────────────┼───────┼──────",
            "PutRecord   │     1 │ write",
            "ListStreams │    25 │ list",
        ])
    }

    @Test("a table too wide for the screen wraps its widest column", arguments: [40, 80])
    func fitted(width: Int) {
        let long = Array(repeating: "because nothing allows it", count: 4).joined(separator: " and ")
        let markdown = "| Request | Decision | Why |\n|---|---|---|\n| `DeleteStream` | implicit deny | \(long) |"
        let lines = render(markdown, width, .plain)
        #expect(lines.allSatisfy { RenderingSupport.visibleWidth($0) <= width })
        #expect(lines.count > 3)
        #expect(lines[2].hasPrefix("`DeleteStream` │ implicit"))
        let cellRows = lines.enumerated().filter { $0.offset != 1 }.map(\.element)
        #expect(cellRows.allSatisfy { $0.split(separator: "│", omittingEmptySubsequences: false).count == 3 })
    }

    @Test("column widths: natural, longest words first, then equal shares")
    func fit() {
        #expect(MarkdownRenderer.fit([5, 10], longestWord: [5, 4], into: 20) == [5, 10])
        #expect(MarkdownRenderer.fit([5, 30, 20], longestWord: [5, 8, 6], into: 30) == [5, 13, 12])
        #expect(MarkdownRenderer.fit([14, 13, 115], longestWord: [14, 8, 7], into: 34) == [14, 10, 10])
        #expect(MarkdownRenderer.fit([30, 30], longestWord: [30, 30], into: 20) == [10, 10])
    }

    @Test("colour off writes no escape codes; colour on makes the header bold")
    func styles() {
        let markdown = "a | b\n--|--\n*x* | `y`"
        #expect(render(markdown, 40, .plain).allSatisfy { !$0.contains("\u{1B}") })
        #expect(render(markdown, 40, RenderingSupport.colour)[0].hasPrefix("\u{1B}[1ma\u{1B}[0m"))
    }
}
