import Foundation
import Testing
@testable import IAMPolicy

@Suite struct JSONWriterTests {
    /// y_ files whose bytes are valid UTF-8 (all of them, today), as text.
    static func utf8YFiles() -> [String] {
        JSONTestSupport.suiteFiles("y_").filter { name in
            guard let bytes = try? JSONTestSupport.suiteBytes(name) else { return false }
            return String(validating: bytes, as: UTF8.self) != nil
        }
    }

    @Test("read → write → read keeps the kinds", arguments: utf8YFiles())
    func roundTrip(_ name: String) throws {
        let bytes = try JSONTestSupport.suiteBytes(name)
        let reader = JSONReader(limits: JSONTestSupport.suiteLimits)
        let original = try reader.read(bytes: bytes)
        for pretty in [false, true] {
            let written = JSONWriter.string(original, pretty: pretty)
            let reread = try reader.read(written)
            #expect(reread.withoutRanges == original.withoutRanges, "pretty: \(pretty)")
            // Writing is stable: the second write equals the first.
            #expect(JSONWriter.string(reread, pretty: pretty) == written)
        }
    }

    @Test func stringEscaping() {
        let value = JSONValue.string("a\"b\\c/d\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}é🔐\u{2028}")
        #expect(JSONWriter.string(value) == "\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0001\\u001f\u{7F}é🔐\u{2028}\"")
    }

    @Test func escapedKeys() {
        let value = JSONValue.object([("a\"b", .null), ("\u{0}", .bool(false))])
        #expect(JSONWriter.string(value) == #"{"a\"b":null,"\u0000":false}"#)
    }

    @Test func numbersAreWrittenVerbatim() throws {
        let value = try JSONReader().read("[1E+2, -0.50, 1234567890123456789012345678901234567890]")
        #expect(JSONWriter.string(value) == "[1E+2,-0.50,1234567890123456789012345678901234567890]")
    }

    @Test func compactOutput() {
        let value = JSONValue.object([
            ("Effect", .string("Allow")),
            ("Count", .number(3)),
            ("List", .array([.number(-1), .number(literal: "2.5"), .null, .bool(true)])),
            ("Empty", .object([])),
            ("None", .array([])),
        ])
        #expect(JSONWriter.string(value) == #"{"Effect":"Allow","Count":3,"List":[-1,2.5,null,true],"Empty":{},"None":[]}"#)
    }

    @Test func prettyOutputSnapshot() {
        let value = JSONValue.object([
            ("EvalDecision", .string("allowed")),
            ("MatchedStatements", .array([
                .object([("SourcePolicyId", .string("policy.json")), ("StartLine", .number(3))]),
            ])),
            ("MissingContextValues", .array([])),
            ("Details", .object([])),
            ("Flags", .array([.bool(true), .null])),
        ])
        let expected = """
        {
          "EvalDecision": "allowed",
          "MatchedStatements": [
            {
              "SourcePolicyId": "policy.json",
              "StartLine": 3
            }
          ],
          "MissingContextValues": [],
          "Details": {},
          "Flags": [
            true,
            null
          ]
        }
        """
        #expect(JSONWriter.string(value, pretty: true) == expected)
    }

    @Test func prettyScalarsAndEmptyContainers() {
        #expect(JSONWriter.string(.string("x"), pretty: true) == "\"x\"")
        #expect(JSONWriter.string(.array([]), pretty: true) == "[]")
        #expect(JSONWriter.string(.object([]), pretty: true) == "{}")
    }

    @Test func builtValuesHaveEmptyRangesAtTheStart() {
        let value = JSONValue.object([("k", .string("v"))])
        #expect(value.range == SourceRange(at: .start))
        #expect(value.members?.first?.keyRange == SourceRange(at: .start))
        #expect(value["k"]?.kind == .string("v"))
        #expect(JSONValue.null.kind == .null)
    }

    @Test func withoutRangesIgnoresPositionsOnly() throws {
        let a = try JSONReader().read(#"{"a": [1, "x"]}"#)
        let b = try JSONReader().read("{\n  \"a\" : [ 1 ,\n \"x\" ]\n}")
        #expect(a != b)
        #expect(a.withoutRanges == b.withoutRanges)
        let c = try JSONReader().read(#"{"a": [1, "y"]}"#)
        #expect(a.withoutRanges != c.withoutRanges)
    }
}
