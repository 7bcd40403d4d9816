import Foundation
import Testing
@testable import IAMPolicy

/// What the reader produces: kinds, unescaped strings, exact ranges, limits.
@Suite struct JSONReaderValueTests {
    private func read(_ text: String, limits: JSONReader.Limits = .policy) throws -> JSONValue {
        try JSONReader(limits: limits).read(text)
    }

    private func pos(_ line: Int, _ column: Int, _ offset: Int) -> SourcePosition {
        SourcePosition(line: line, column: column, offset: offset)
    }

    private func offsets(_ range: SourceRange) -> Range<Int> {
        range.start.offset..<range.end.offset
    }

    // MARK: Ranges

    @Test func rangesOfNestedValuesAndKeysAreExact() throws {
        let value = try read("{\"a\": [1, \"x\"]}")
        #expect(offsets(value.range) == 0..<15)
        let member = try #require(value.members?.first)
        #expect(member.key == "a")
        #expect(offsets(member.keyRange) == 1..<4)
        #expect(offsets(member.value.range) == 6..<14)
        let elements = try #require(member.value.elements)
        #expect(offsets(elements[0].range) == 7..<8)
        #expect(elements[0].kind == .number("1"))
        #expect(offsets(elements[1].range) == 10..<13)
        #expect(elements[1].kind == .string("x"))
    }

    @Test func rangesAcrossLines() throws {
        let text = "{\n  \"Effect\": \"Allow\",\n  \"Action\": [\"kinesis:*\", true, null]\n}\n"
        let value = try read(text)
        #expect(value.range == SourceRange(start: pos(1, 1, 0), end: pos(4, 2, 62)))
        let effect = try #require(value.members?.first)
        #expect(effect.keyRange == SourceRange(start: pos(2, 3, 4), end: pos(2, 11, 12)))
        #expect(effect.value.range == SourceRange(start: pos(2, 13, 14), end: pos(2, 20, 21)))
        let action = try #require(value["Action"])
        #expect(action.range.start == pos(3, 13, 35))
        #expect(action.range.end == pos(3, 38, 60))
        let elements = try #require(action.elements)
        #expect(elements[1].range == SourceRange(start: pos(3, 27, 49), end: pos(3, 31, 53)))
        #expect(elements[2].range == SourceRange(start: pos(3, 33, 55), end: pos(3, 37, 59)))
    }

    @Test func rangesCountScalarsInColumns() throws {
        let value = try read("[\"é🔐\", 12.5e-3]")
        let elements = try #require(value.elements)
        #expect(elements[0].range == SourceRange(start: pos(1, 2, 1), end: pos(1, 6, 9)))
        #expect(elements[1].range == SourceRange(start: pos(1, 8, 11), end: pos(1, 15, 18)))
        #expect(elements[1].kind == .number("12.5e-3"))
    }

    @Test func topLevelScalarWithSurroundingWhiteSpace() throws {
        let value = try read("\r\n  -0.0E+10 \t")
        #expect(value.kind == .number("-0.0E+10"))
        #expect(value.range == SourceRange(start: pos(2, 3, 4), end: pos(2, 11, 12)))
    }

    // MARK: Kinds and strings

    @Test func literalsAndEmptyContainers() throws {
        let value = try read("[true, false, null, [], {}]")
        let kinds = try #require(value.elements).map(\.kind)
        #expect(kinds == [.bool(true), .bool(false), .null, .array([]), .object([])])
    }

    @Test func escapesAreDecoded() throws {
        let value = try read(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\uD83D\uDD10\u0000""#)
        #expect(value.stringValue == "\"\\/\u{08}\u{0C}\n\r\tAé€🔐\u{0}")
    }

    @Test func nonASCIIIsKeptAsIs() throws {
        #expect(try read("\"Grüße 🔐 \u{7F}\"").stringValue == "Grüße 🔐 \u{7F}")
    }

    @Test func duplicateKeysAreKeptInOrder() throws {
        let value = try read(#"{"a": 1, "b": 2, "a": 3}"#)
        let members = try #require(value.members)
        #expect(members.map(\.key) == ["a", "b", "a"])
        #expect(value["a"]?.kind == .number("1"))
    }

    @Test("valid numbers keep their text", arguments: [
        "0", "-0", "1", "-1", "10", "123456789012345678901234567890", "0.5", "-0.05",
        "1e5", "1E5", "1e+5", "1e-5", "1.5e10", "0e0", "-0.0e-0",
    ])
    func validNumbers(_ literal: String) throws {
        #expect(try read(literal).kind == .number(literal))
        #expect(try read("[\(literal)]").elements?.first?.kind == .number(literal))
    }

    @Test("invalid numbers are refused", arguments: [
        "01", "-", "+1", ".5", "1.", "1.e5", "1e", "1e+", "-a", "0x10", "1.5.2", "--1", "-.5", "00",
    ])
    func invalidNumbers(_ literal: String) throws {
        let error = try #require(JSONTestSupport.readError(literal))
        guard case .invalidNumber = error.reason else {
            Issue.record("\(literal): \(error)")
            return
        }
    }

    // MARK: Limits

    @Test func sizeLimit() throws {
        let limit = JSONReader.Limits.policy.maxBytes
        #expect(limit == 131_072)
        let fits = "\"" + String(repeating: "a", count: limit - 2) + "\""
        #expect(try read(fits).stringValue?.utf8.count == limit - 2)
        let tooBig = "\"" + String(repeating: "a", count: limit - 1) + "\""
        let error = try #require(JSONTestSupport.readError(tooBig))
        #expect(error == JSONReadError(.tooLarge(bytes: limit + 1, limit: limit), at: .start))
        let viaBytes = try #require(throws: JSONReadError.self) {
            _ = try JSONReader().read(bytes: Array(tooBig.utf8))
        }
        #expect(viaBytes == error)
    }

    @Test func depthLimit() throws {
        let sixtyFour = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { _ = try JSONReader().read(sixtyFour) }
        let sixtyFive = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = try #require(JSONTestSupport.readError(sixtyFive))
        #expect(error == JSONReadError(.tooDeep(limit: 64), at: pos(1, 65, 64)))
    }

    @Test func depthLimitCountsObjectsToo() throws {
        let open = String(repeating: "{\"a\":", count: 64)
        let fine = open + "1" + String(repeating: "}", count: 64)
        #expect(throws: Never.self) { _ = try JSONReader().read(fine) }
        let deep = open + "[]" + String(repeating: "}", count: 64)
        let error = try #require(JSONTestSupport.readError(deep))
        #expect(error == JSONReadError(.tooDeep(limit: 64), at: pos(1, 321, 320)))
    }

    @Test func hundredThousandOpeningBracketsAreTooDeepWithoutCrashing() throws {
        let text = String(repeating: "[", count: 100_000)
        let error = try #require(JSONTestSupport.readError(text))
        #expect(error.reason == .tooDeep(limit: 64))
        #expect(error.position.offset == 64)
    }

    @Test func customLimits() throws {
        let limits = JSONReader.Limits(maxBytes: 4, maxDepth: 1)
        #expect(JSONTestSupport.readError("[1]", limits: limits) == nil)
        #expect(JSONTestSupport.readError("[[]]", limits: limits)?.reason == .tooDeep(limit: 1))
        #expect(JSONTestSupport.readError("12345", limits: limits)?.reason == .tooLarge(bytes: 5, limit: 4))
    }

    @Test func largeDocumentJustUnderTheLimitParses() throws {
        var statements: [String] = []
        var size = 0
        var n = 0
        while size < 120_000 {
            let s = #"{"Sid": "S\#(n)", "Effect": "Allow", "Action": ["kinesis:PutRecord", "kinesis:GetRecords"], "Resource": "arn:aws:kinesis:eu-west-1:123456789012:stream/s\#(n)", "Condition": {"NumericLessThan": {"x": 1.5e3}}}"#
            statements.append(s)
            size += s.utf8.count + 2
            n += 1
        }
        let text = "{\"Statement\": [\n" + statements.joined(separator: ",\n") + "\n]}"
        #expect(text.utf8.count <= 131_072)
        // Speed is measured by kdslab-bench (json.read_128k_per_s), not here.
        let value = try JSONReader().read(text)
        #expect(value["Statement"]?.elements?.count == n)
    }
}
