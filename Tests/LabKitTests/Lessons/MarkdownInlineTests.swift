import Testing
@testable import LabKit

@Suite("Markdown inlines")
struct MarkdownInlineTests {
    private func inlines(_ text: String) -> [MarkdownInline] {
        InlineParser.parse(text)
    }

    @Test("each inline construct", arguments: [
        ("plain words", [MarkdownInline.text("plain words")]),
        ("*em*", [.emphasis([.text("em")])]),
        ("_em_", [.emphasis([.text("em")])]),
        ("**strong**", [.strong([.text("strong")])]),
        ("__strong__", [.strong([.text("strong")])]),
        ("a `co*de*` b", [.text("a "), .code("co*de*"), .text(" b")]),
        ("`` a`b ``", [.code("a`b")]),
        ("[AWS](https://aws.amazon.com)", [.link(text: [.text("AWS")], url: "https://aws.amazon.com")]),
        ("[the **docs**](u \"title\")", [.link(text: [.text("the "), .strong([.text("docs")])], url: "u")]),
        ("see <https://x.test/a>", [.text("see "), .link(text: [.text("https://x.test/a")], url: "https://x.test/a")]),
        ("**bold _and em_**", [.strong([.text("bold "), .emphasis([.text("and em")])])]),
        ("***both***", [.emphasis([.strong([.text("both")])])]),
        ("\\*not em\\*", [.text("*not em*")]),
        ("one\ntwo", [.text("one two")]),
        ("one  \ntwo", [.text("one"), .lineBreak, .text("two")]),
        ("one\\\ntwo", [.text("one"), .lineBreak, .text("two")]),
    ])
    func construct(text: String, expected: [MarkdownInline]) {
        #expect(inlines(text) == expected)
    }

    @Test("unclosed or unmatched markup stays literal text", arguments: [
        ("*open", "*open"),
        ("**open *x", "**open *x"),
        ("`open code", "`open code"),
        ("[text](no close", "[text](no close"),
        ("[text] (url)", "[text] (url)"),
        ("[unclosed", "[unclosed"),
        ("snake_case_name", "snake_case_name"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("<not a link>", "<not a link>"),
        ("trailing \\", "trailing \\"),
    ])
    func degraded(text: String, expected: String) {
        #expect(inlines(text) == [.text(expected)])
    }

    @Test("plain text drops markup and keeps link text")
    func plainText() {
        #expect(inlines("**Least** `privilege` [here](u)").plainText == "Least privilege here")
    }

    @Test("many unmatched delimiters finish and stay text")
    func manyDelimiters() {
        let text = Array(repeating: "_a*", count: 5_000).joined(separator: " ")
        let parsed = inlines(text)
        #expect(parsed.count == 1)
        #expect(parsed.plainText == text)
    }
}
