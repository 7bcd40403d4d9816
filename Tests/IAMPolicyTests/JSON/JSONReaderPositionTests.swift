import Testing
@testable import IAMPolicy

/// Errors point at the offending character: inputs mark it with `⏵`.
@Suite struct JSONReaderPositionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let marked: String
        let reason: JSONReadError.Reason
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "trailing comma in array", marked: "[1, 2,⏵]",
             reason: .unexpectedCharacter(found: "`]`", expected: "a JSON value after `,`")),
        Case(name: "trailing comma in object", marked: "{\"a\": 1, ⏵}",
             reason: .unexpectedCharacter(found: "`}`", expected: "a member name in double quotes after `,`")),
        Case(name: "missing colon", marked: "{\"a\" ⏵1}",
             reason: .unexpectedCharacter(found: "character `1`", expected: "`:` after the member name")),
        Case(name: "missing comma", marked: "[1 ⏵2]",
             reason: .unexpectedCharacter(found: "character `2`", expected: "`,` or `]`")),
        Case(name: "unterminated string ends at end of input", marked: "{\"a\": \"abc⏵",
             reason: .unexpectedEnd(expected: "`\"` to close the string")),
        Case(name: "unterminated array", marked: "[1, 2⏵",
             reason: .unexpectedEnd(expected: "`,` or `]`")),
        Case(name: "bad escape", marked: "\"ab⏵\\x\"", reason: .invalidEscape("\\x")),
        Case(name: "short unicode escape", marked: "\"ab⏵\\u12x4\"", reason: .invalidUnicodeEscape("\\u12")),
        Case(name: "lone high surrogate", marked: "[\"⏵\\uD800\"]",
             reason: .invalidUnicodeEscape("\\uD800 (a high surrogate without its low half)")),
        Case(name: "lone low surrogate", marked: "[\"a⏵\\uDC00\"]",
             reason: .invalidUnicodeEscape("\\uDC00 (a lone low surrogate)")),
        Case(name: "leading zero", marked: "[0⏵1]", reason: .invalidNumber("01")),
        Case(name: "negative leading zero", marked: "-0⏵0", reason: .invalidNumber("-00")),
        Case(name: "hex number", marked: "[0⏵x1F]", reason: .invalidNumber("0x1F")),
        Case(name: "letters glued to a number", marked: "{\"a\": 12⏵ab}", reason: .invalidNumber("12ab")),
        Case(name: "plus sign", marked: "⏵+1", reason: .invalidNumber("+1")),
        Case(name: "bare fraction", marked: "[⏵.5]", reason: .invalidNumber(".5")),
        Case(name: "dot without digits", marked: "[1.⏵]", reason: .invalidNumber("1.")),
        Case(name: "exponent without digits", marked: "1e⏵", reason: .invalidNumber("1e")),
        Case(name: "lone minus", marked: "-⏵", reason: .invalidNumber("-")),
        Case(name: "minus infinity", marked: "-⏵Infinity", reason: .invalidNumber("-Infinity")),
        Case(name: "NaN", marked: "[⏵NaN]",
             reason: .unexpectedCharacter(found: "character `N`", expected: "a JSON value")),
        Case(name: "control character in string", marked: "\"a⏵\u{07}b\"", reason: .controlCharacterInString),
        Case(name: "raw newline in string", marked: "[\"a⏵\nb\"]", reason: .controlCharacterInString),
        Case(name: "misspelled literal", marked: "[tr⏵ue, fals⏵]".replacingFirstMarker(),
             reason: .unexpectedCharacter(found: "`]`", expected: "`false`")),
        Case(name: "single quotes", marked: "{⏵'a': 1}",
             reason: .unexpectedCharacter(found: "character `'`", expected: "a member name in double quotes")),
        Case(name: "trailing content", marked: "{} ⏵x", reason: .trailingContent),
        Case(name: "second value", marked: "1 ⏵2", reason: .trailingContent),
        Case(name: "empty input", marked: "⏵", reason: .empty),
        Case(name: "only white space", marked: " \n\t ⏵", reason: .empty),
        Case(name: "value expected at end", marked: "{\"a\": ⏵", reason: .unexpectedEnd(expected: "a JSON value")),
        Case(name: "multi-line input", marked: "{\n  \"a\": [\n    1,⏵]\n}",
             reason: .unexpectedCharacter(found: "`]`", expected: "a JSON value after `,`")),
        Case(name: "CRLF line endings", marked: "{\r\n  \"a\": 1,\r\n⏵}",
             reason: .unexpectedCharacter(found: "`}`", expected: "a member name in double quotes after `,`")),
        Case(name: "lone CR line endings", marked: "[\r1,\r\r  ⏵]",
             reason: .unexpectedCharacter(found: "`]`", expected: "a JSON value after `,`")),
        Case(name: "non-ASCII before the error", marked: "{\"é\": ⏵x}",
             reason: .unexpectedCharacter(found: "character `x`", expected: "a JSON value")),
        Case(name: "emoji before the error", marked: "[\"🔐\", ⏵}",
             reason: .unexpectedCharacter(found: "`}`", expected: "a JSON value")),
        Case(name: "non-ASCII unexpected character", marked: "[⏵é]",
             reason: .unexpectedCharacter(found: "character `é`", expected: "a JSON value")),
        Case(name: "non-breaking space is not white space", marked: "[1,⏵\u{A0}2]",
             reason: .unexpectedCharacter(found: "character U+00A0", expected: "a JSON value")),
    ]

    @Test("error position and reason", arguments: cases)
    func errorPoints(_ c: Case) throws {
        let (text, expected) = JSONTestSupport.unmark(c.marked)
        let error = try #require(JSONTestSupport.readError(text))
        #expect(error.reason == c.reason)
        #expect(error.position == expected)
        // The bytes entry point agrees with the string one.
        let viaBytes = try #require(throws: JSONReadError.self) {
            _ = try JSONReader().read(bytes: Array(text.utf8))
        }
        #expect(viaBytes == error)
    }

    @Test func markerHelperComputesLinesAndColumns() {
        #expect(JSONTestSupport.unmark("ab\r\ncd⏵").position == SourcePosition(line: 2, column: 3, offset: 6))
        #expect(JSONTestSupport.unmark("é⏵").position == SourcePosition(line: 1, column: 2, offset: 2))
    }

    @Test func multiLineErrorIsAtLineThreeColumnSeven() throws {
        let error = try #require(JSONTestSupport.readError("{\n  \"a\": [\n    1,]\n}"))
        #expect(error.position == SourcePosition(line: 3, column: 7, offset: 17))
        #expect(error.description == "3:7: unexpected `]`; expected a JSON value after `,`")
    }

    @Test func crlfCountsAsOneLineBreak() throws {
        let error = try #require(JSONTestSupport.readError("[\r\n1,\r\n\r\n  x]"))
        #expect(error.position == SourcePosition(line: 4, column: 3, offset: 11))
    }

    @Test func columnsCountScalarsAndOffsetsCountBytes() throws {
        // `{"é🔐": ` is 7 scalars and 11 bytes, so `x` is column 8, offset 11.
        let error = try #require(JSONTestSupport.readError("{\"é🔐\": x}"))
        #expect(error.position == SourcePosition(line: 1, column: 8, offset: 11))
    }

    @Test func invalidUTF8PointsAtTheBadByte() throws {
        let bytes: [UInt8] = Array("[\"ab".utf8) + [0xC3, 0x28] + Array("\"]".utf8)
        let error = try #require(throws: JSONReadError.self) {
            _ = try JSONReader().read(bytes: bytes)
        }
        #expect(error == JSONReadError(.invalidUTF8, at: SourcePosition(line: 1, column: 5, offset: 4)))
    }

    @Test func invalidUTF8OutsideStrings() throws {
        let error = try #require(throws: JSONReadError.self) {
            _ = try JSONReader().read(bytes: [0x5B, 0xFF, 0x5D])
        }
        #expect(error == JSONReadError(.invalidUTF8, at: SourcePosition(line: 1, column: 2, offset: 1)))
    }
}

private extension String {
    /// Drops the first of two markers, so one literal can show both the slip and the error.
    func replacingFirstMarker() -> String {
        guard let first = firstIndex(of: JSONTestSupport.marker) else { return self }
        var copy = self
        copy.remove(at: first)
        return copy
    }
}
