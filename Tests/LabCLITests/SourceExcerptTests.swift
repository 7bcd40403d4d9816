import IAMPolicy
import Testing
@testable import LabCLI

@Suite("Source excerpt")
struct SourceExcerptTests {
    func range(_ line: Int, _ from: Int, _ to: Int) -> SourceRange {
        SourceRange(start: SourcePosition(line: line, column: from, offset: 0),
                    end: SourcePosition(line: line, column: to, offset: 0))
    }

    @Test("the underline sits under the span, after tabs and wide characters", arguments: [
        ("\"Action\": \"x\"", 11, 14, " 1 | \"Action\": \"x\"\n   |           ^~~"),
        ("\t\"Action\"", 2, 10, " 1 |     \"Action\"\n   |     ^~~~~~~~"),
        ("\"日本\": \"x\"", 7, 10, " 1 | \"日本\": \"x\"\n   |         ^~~"),
        ("\"é\": 1", 6, 7, " 1 | \"é\": 1\n   |      ^"),
        ("abc", 2, 2, " 1 | abc\n   |  ^"),
    ])
    func underline(text: String, from: Int, to: Int, expected: String) {
        let lines = SourceExcerpt(text).underlined(range(1, from, to), style: .plain) { $0 }
        #expect(lines.joined(separator: "\n") == expected)
    }

    @Test("lines split on \\n, \\r\\n and a lone \\r")
    func lineBreaks() {
        #expect(SourceExcerpt("a\nb\r\nc\rd").lines == ["a", "b", "c", "d"])
    }

    @Test("a span over several lines underlines each line's part")
    func multiLine() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}"
        let span = SourceRange(start: SourcePosition(line: 2, column: 3, offset: 0),
                               end: SourcePosition(line: 3, column: 9, offset: 0))
        let lines = SourceExcerpt(text).underlined(span, style: .plain) { $0 }
        #expect(lines == [" 2 |   \"a\": 1,", "   |   ^~~~~~~", " 3 |   \"b\": 2", "   |   ~~~~~~"])
    }

    @Test("long statements are cut after six lines, one extra line is shown rather than '...'")
    func statementLines() {
        let text = (1...10).map { "line \($0)" }.joined(separator: "\n")
        let seven = SourceRange(start: SourcePosition(line: 1, column: 1, offset: 0), end: SourcePosition(line: 7, column: 7, offset: 0))
        let eight = SourceRange(start: SourcePosition(line: 1, column: 1, offset: 0), end: SourcePosition(line: 8, column: 7, offset: 0))
        #expect(SourceExcerpt(text).lines(of: seven, maxLines: 6, style: .plain).count == 7)
        #expect(SourceExcerpt(text).lines(of: eight, maxLines: 6, style: .plain).last == "   | ...")
    }
}
