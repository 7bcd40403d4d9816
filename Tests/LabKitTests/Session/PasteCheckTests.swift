import LabKit
import Testing

@Suite("Checking a pasted draft")
struct PasteCheckTests {
    @Test("typographic characters are found by kind, at their first place, and counted")
    func typographic() {
        let text = "{\n  “Version”: ‘x’,\n\t\"a\":\u{00A0}1\n}\n"
        #expect(PasteCheck.typographic(in: text) == [
            .init(kind: .typographicDoubleQuotes, line: 2, column: 3, count: 2),
            .init(kind: .typographicSingleQuotes, line: 2, column: 14, count: 2),
            .init(kind: .nonBreakingSpaces, line: 3, column: 6, count: 1),
        ])
        #expect(PasteCheck.typographic(in: "{\"a\": 1}").isEmpty)
    }

    @Test("straightening replaces each with its plain character and keeps tabs")
    func straightened() {
        let text = "{\n\t“Effect”:\u{00A0}“Allow”, “Sid”: “Don’t”\n}"
        #expect(PasteCheck.straightened(text) == "{\n\t\"Effect\": \"Allow\", \"Sid\": \"Don't\"\n}")
    }

    @Test("advice names the characters and says what to use")
    func advice() {
        #expect(PasteCheck.Kind.typographicDoubleQuotes.advice == "these are typographic quotes (“ ”): use straight double quotes (\")")
        #expect(PasteCheck.Kind.nonBreakingSpaces.advice == "these are non-breaking spaces: use plain spaces")
    }

    @Test("JSON errors carry their line and column", arguments: [
        ("{\n  \"a\": 1,\n}\n", 3, 1),
        ("{\n  \"a\" 1\n}", 2, 7),
        ("{", 1, 2),
    ] as [(String, Int, Int)])
    func jsonError(_ text: String, line: Int, column: Int) throws {
        let error = try #require(PasteCheck.jsonError(in: text))
        #expect(error.position.line == line)
        #expect(error.position.column == column)
    }

    @Test("valid JSON with tabs has no error")
    func tabsAreJSON() {
        #expect(PasteCheck.jsonError(in: "{\n\t\"Version\":\t\"2012-10-17\"\n}\n") == nil)
    }
}
