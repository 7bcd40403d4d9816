import Testing
@testable import LabKit

@Suite("Markdown degraded input")
struct MarkdownDegradedInputTests {
    @Test("an unclosed fence runs to the end and is reported where it opens")
    func unclosedFence() {
        let document = MarkdownDocument(parsing: "text\n\n  ```json\n{\n")
        #expect(document.blocks.last == MarkdownBlock(.code(info: "json", lines: ["{"]), line: 3))
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.line == 3)
        #expect(document.warnings.first?.column == 3)
    }

    @Test("an unclosed comment is text")
    func unclosedComment() {
        let document = MarkdownDocument(parsing: "<!-- covers: x\nmore")
        #expect(document.blocks == [MarkdownBlock(.paragraph([.text("<!-- covers: x more")]), line: 1)])
    }

    @Test("a header row without an alignment row is a paragraph")
    func notATable() {
        let document = MarkdownDocument(parsing: "a | b\nc | d\n| x |\n|---|---|")
        #expect(document.blocks.count == 1)
        guard case .paragraph = document.blocks.first?.content else { Issue.record("not a paragraph"); return }
    }

    @Test("inputs that are not really Markdown parse without failing", arguments: [
        "", "\n\n\n", "#", "-", "1.", ">", "```", "|", "|-|", "***", "<!--", "[", "](", "\\",
        "- \n  \n-", "> > > > >", "1234567890. too long a number", "\u{0}\u{1B}[31m",
    ])
    func oddInputs(text: String) {
        _ = MarkdownDocument(parsing: text)
    }

    @Test("very deep nesting is read as text past the limit instead of recursing")
    func deepNesting() {
        let quotes = String(repeating: ">", count: 10_000) + " deep"
        let lists = (0..<200).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        var depth = 0
        var blocks = MarkdownDocument(parsing: quotes).blocks
        while case .quote(let inner)? = blocks.first?.content {
            depth += 1
            blocks = inner
        }
        #expect(depth == MarkdownParser.maxDepth)
        #expect(!MarkdownDocument(parsing: lists).blocks.isEmpty)
    }
}
