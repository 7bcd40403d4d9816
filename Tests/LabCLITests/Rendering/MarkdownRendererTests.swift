import Testing
import LabKit
@testable import LabCLI

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    private let render = RenderingSupport.render
    private let sentence = "Access is easy to grant and hard to take back, so grant only what a job needs and review it often."

    @Test("paragraphs wrap at word boundaries to the width")
    func wrapping() {
        #expect(render(sentence, 40, .plain) == [
            "Access is easy to grant and hard to take",
            "back, so grant only what a job needs and",
            "review it often.",
        ])
        #expect(render(sentence, 80, .plain) == [
            "Access is easy to grant and hard to take back, so grant only what a job needs",
            "and review it often.",
        ])
    }

    @Test("a word longer than the width is broken; code spans stay whole when they fit")
    func longWordsAndCode() {
        let long = String(repeating: "x", count: 45)
        #expect(render("a \(long) b", 40, .plain) == ["a", String(repeating: "x", count: 40), "xxxxx b"])
        #expect(render("the quick brown fox jumps over `kinesis:Put Record` here", 40, .plain) == [
            "the quick brown fox jumps over",
            "`kinesis:Put Record` here",
        ])
    }

    @Test("wide characters count as two cells")
    func wideCharacters() {
        let lines = render(String(repeating: "漢字 ", count: 20), 20, .plain)
        #expect(lines.allSatisfy { RenderingSupport.visibleWidth($0) <= 20 })
        #expect(lines.first == "漢字 漢字 漢字 漢字")
    }

    @Test("without colour, emphasis markers go, code keeps backticks, and no escape code is written")
    func plainInlines() {
        #expect(render("*a* **b** `c` [d](https://e.test) <https://f.test>  \nnext", 80, .plain) == [
            "a b `c` d (https://e.test) https://f.test",
            "next",
        ])
    }

    @Test("with colour, emphasis is italic, strong is bold and code is cyan without backticks")
    func colourInlines() {
        #expect(render("*a* **b** `c`", 80, RenderingSupport.colour) == [
            "\u{1B}[3ma\u{1B}[0m \u{1B}[1mb\u{1B}[0m \u{1B}[36mc\u{1B}[0m",
        ])
    }

    @Test("headings: level 1 and 2 ruled, the rest plain text without colour")
    func headings() {
        #expect(render("# Title\n\n## Part\n\n### Small", 40, .plain) == [
            "Title", "═════", "", "Part", "────", "", "Small",
        ])
        #expect(render("### Small", 40, RenderingSupport.colour) == ["\u{1B}[1mSmall\u{1B}[0m"])
    }

    @Test("lists hang their text under the first word, nested lists indent further")
    func lists() {
        let markdown = "- first item that is long enough to wrap around\n  - nested item\n- second\n\n9. nine\n10. ten wraps around the edge"
        #expect(render(markdown, 30, .plain) == [
            "• first item that is long",
            "  enough to wrap around",
            "  ◦ nested item",
            "• second",
            "",
            " 9. nine",
            "10. ten wraps around the edge",
        ])
    }

    @Test("quotes carry a bar on every line, nested quotes two")
    func quotes() {
        #expect(render("> a quote that wraps at a narrow width\n>\n> > inner", 24, .plain) == [
            "│ a quote that wraps at",
            "│ a narrow width",
            "│",
            "│ │ inner",
        ])
    }

    @Test("code blocks are indented, never wrapped, and cut with an ellipsis at the width")
    func codeBlocks() {
        let lines = render("```\nshort\n\(String(repeating: "y", count: 50))\n```", 40, .plain)
        #expect(lines == ["  short", "  " + String(repeating: "y", count: 37) + "…"])
    }

    @Test("JSON code is coloured by token with colour on and left as written with colour off")
    func jsonColouring() {
        let markdown = "```json\n{\"Effect\": \"Allow\", \"n\": -1.5, \"ok\": true, \"x\": null}\n```"
        #expect(render(markdown, 80, .plain) == ["  {\"Effect\": \"Allow\", \"n\": -1.5, \"ok\": true, \"x\": null}"])
        let coloured = render(markdown, 80, RenderingSupport.colour)
        let expected = "  \u{1B}[2m{\u{1B}[0m\u{1B}[1;34m\"Effect\"\u{1B}[0m\u{1B}[2m:\u{1B}[0m \u{1B}[32m\"Allow\"\u{1B}[0m"
            + "\u{1B}[2m,\u{1B}[0m \u{1B}[1;34m\"n\"\u{1B}[0m\u{1B}[2m:\u{1B}[0m \u{1B}[33m-1.5\u{1B}[0m"
            + "\u{1B}[2m,\u{1B}[0m \u{1B}[1;34m\"ok\"\u{1B}[0m\u{1B}[2m:\u{1B}[0m \u{1B}[35mtrue\u{1B}[0m"
            + "\u{1B}[2m,\u{1B}[0m \u{1B}[1;34m\"x\"\u{1B}[0m\u{1B}[2m:\u{1B}[0m \u{1B}[35mnull\u{1B}[0m\u{1B}[2m}\u{1B}[0m"
        #expect(coloured == [expected])
        #expect(RenderingSupport.stripped(coloured[0]) == render(markdown, 80, .plain)[0])
    }

    @Test("code that is not JSON is not coloured")
    func otherCode() {
        #expect(render("```sh\n\"a\": 1\n```", 80, RenderingSupport.colour) == ["  \"a\": 1"])
    }

    @Test("rules span the width; comments render nothing")
    func rulesAndComments() {
        #expect(render("<!-- covers: x -->\n\n---", 25, .plain) == [String(repeating: "─", count: 25)])
    }
}
