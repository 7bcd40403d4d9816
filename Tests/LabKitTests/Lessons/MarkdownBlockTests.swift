import Testing
@testable import LabKit

@Suite("Markdown blocks")
struct MarkdownBlockTests {
    private func blocks(_ text: String) -> [MarkdownBlock] {
        MarkdownDocument(parsing: text).blocks
    }

    @Test("headings of every level, closing hashes dropped, with their lines")
    func headings() {
        let parsed = blocks("# One\n\n## Two ##\n### Three\n#### Four\n##### Five\n###### Six\n####### Seven\n#NoSpace")
        #expect(parsed == [
            MarkdownBlock(.heading(level: 1, text: [.text("One")]), line: 1),
            MarkdownBlock(.heading(level: 2, text: [.text("Two")]), line: 3),
            MarkdownBlock(.heading(level: 3, text: [.text("Three")]), line: 4),
            MarkdownBlock(.heading(level: 4, text: [.text("Four")]), line: 5),
            MarkdownBlock(.heading(level: 5, text: [.text("Five")]), line: 6),
            MarkdownBlock(.heading(level: 6, text: [.text("Six")]), line: 7),
            MarkdownBlock(.paragraph([.text("####### Seven #NoSpace")]), line: 8),
        ])
    }

    @Test("paragraphs are separated by blank lines and ended by other blocks")
    func paragraphs() {
        let parsed = blocks("first line\nsecond line\n\nnext\n# Heading\nafter")
        #expect(parsed == [
            MarkdownBlock(.paragraph([.text("first line second line")]), line: 1),
            MarkdownBlock(.paragraph([.text("next")]), line: 4),
            MarkdownBlock(.heading(level: 1, text: [.text("Heading")]), line: 5),
            MarkdownBlock(.paragraph([.text("after")]), line: 6),
        ])
    }

    @Test("bullet lists with a nested list, lazy and indented continuation lines")
    func bulletList() {
        let parsed = blocks("- one\n  more\n- two\n  - inner a\n  * inner b\n- three\nlazy")
        let inner = MarkdownList(start: nil, items: [
            .init(blocks: [MarkdownBlock(.paragraph([.text("inner a")]), line: 4)], line: 4),
            .init(blocks: [MarkdownBlock(.paragraph([.text("inner b")]), line: 5)], line: 5),
        ])
        #expect(parsed == [MarkdownBlock(.list(MarkdownList(start: nil, items: [
            .init(blocks: [MarkdownBlock(.paragraph([.text("one more")]), line: 1)], line: 1),
            .init(blocks: [MarkdownBlock(.paragraph([.text("two")]), line: 3), MarkdownBlock(.list(inner), line: 4)], line: 3),
            .init(blocks: [MarkdownBlock(.paragraph([.text("three lazy")]), line: 6)], line: 6),
        ])), line: 1)])
    }

    @Test("ordered lists keep their start number; a blank line between items keeps the list")
    func orderedList() throws {
        let parsed = blocks("3. three\n\n4. four\n   - nested\n\nafter")
        #expect(parsed.count == 2)
        guard case .list(let list) = parsed[0].content else { Issue.record("not a list"); return }
        #expect(list.start == 3)
        #expect(list.items.map(\.line) == [1, 3])
        #expect(list.items[1].blocks.count == 2)
        #expect(parsed[1] == MarkdownBlock(.paragraph([.text("after")]), line: 6))
    }

    @Test("a bullet list and an ordered list next to each other are two lists")
    func listKinds() {
        let parsed = blocks("- a\n1. b")
        #expect(parsed.map(\.line) == [1, 2])
    }

    @Test("block quotes hold blocks, with lazy continuation")
    func quote() {
        let parsed = blocks("> # Title\n> text\nlazy\n>\n> - item\n\nout")
        #expect(parsed == [
            MarkdownBlock(.quote([
                MarkdownBlock(.heading(level: 1, text: [.text("Title")]), line: 1),
                MarkdownBlock(.paragraph([.text("text lazy")]), line: 2),
                MarkdownBlock(.list(MarkdownList(start: nil, items: [
                    .init(blocks: [MarkdownBlock(.paragraph([.text("item")]), line: 5)], line: 5),
                ])), line: 5),
            ]), line: 1),
            MarkdownBlock(.paragraph([.text("out")]), line: 7),
        ])
    }

    @Test("fenced code keeps its info string and lines as written")
    func fencedCode() {
        let parsed = blocks("text\n```json\n{ \"a\": *1* }\n\n  indented\n```\n~~~~\n```\n~~~~")
        #expect(parsed == [
            MarkdownBlock(.paragraph([.text("text")]), line: 1),
            MarkdownBlock(.code(info: "json", lines: ["{ \"a\": *1* }", "", "  indented"]), line: 2),
            MarkdownBlock(.code(info: "", lines: ["```"]), line: 7),
        ])
    }

    @Test("a pipe table with alignments, escaped pipes and short or long rows")
    func table() {
        let parsed = blocks("| Name | Count | Note |\n|:-----|------:|:----:|\n| a \\| b | 1 | `x` |\n| c |\n| d | 2 | y | extra |\n\nafter")
        let expected = MarkdownTable(
            header: [[.text("Name")], [.text("Count")], [.text("Note")]],
            alignments: [.left, .right, .center],
            rows: [
                [[.text("a | b")], [.text("1")], [.code("x")]],
                [[.text("c")], [], []],
                [[.text("d")], [.text("2")], [.text("y")]],
            ])
        #expect(parsed == [
            MarkdownBlock(.table(expected), line: 1),
            MarkdownBlock(.paragraph([.text("after")]), line: 7),
        ])
    }

    @Test("a table without pipes at the edges, interrupting a paragraph")
    func bareTable() {
        let parsed = blocks("intro\na | b\n--- | ---\n1 | 2")
        #expect(parsed.count == 2)
        #expect(parsed[1] == MarkdownBlock(.table(MarkdownTable(
            header: [[.text("a")], [.text("b")]], alignments: [.left, .left],
            rows: [[[.text("1")], [.text("2")]]])), line: 2))
    }

    @Test("rules in three spellings, and a comment block")
    func rulesAndComments() {
        let parsed = blocks("---\n* * *\n___\n<!-- a\nb -->\n--")
        #expect(parsed == [
            MarkdownBlock(.rule, line: 1),
            MarkdownBlock(.rule, line: 2),
            MarkdownBlock(.rule, line: 3),
            MarkdownBlock(.comment("a\nb"), line: 4),
            MarkdownBlock(.paragraph([.text("--")]), line: 6),
        ])
    }

    @Test("CRLF line ends and tabs are read like LF and spaces")
    func lineEnds() {
        #expect(blocks("# T\r\n\r\n-\titem\r\n") == blocks("# T\n\n-   item\n"))
    }
}
