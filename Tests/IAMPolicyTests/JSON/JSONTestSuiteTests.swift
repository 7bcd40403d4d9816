import Foundation
import Testing
@testable import IAMPolicy

/// Nicolas Seriot's JSONTestSuite (MIT, see Fixtures/json-test-suite/LICENSE), `test_parsing`.
///
/// Implementation-defined (`i_`) files, with our decision:
///
/// | file                                              | decision | why                                        |
/// |---------------------------------------------------|----------|--------------------------------------------|
/// | i_number_double_huge_neg_exp                      | accept   | numbers are kept as literal text           |
/// | i_number_huge_exp                                 | accept   | ditto                                      |
/// | i_number_neg_int_huge_exp                         | accept   | ditto                                      |
/// | i_number_pos_double_huge_exp                      | accept   | ditto                                      |
/// | i_number_real_neg_overflow                        | accept   | ditto                                      |
/// | i_number_real_pos_overflow                        | accept   | ditto                                      |
/// | i_number_real_underflow                           | accept   | ditto                                      |
/// | i_number_too_big_neg_int                          | accept   | ditto                                      |
/// | i_number_too_big_pos_int                          | accept   | ditto                                      |
/// | i_number_very_big_negative_int                    | accept   | ditto                                      |
/// | i_object_key_lone_2nd_surrogate                   | reject   | lone surrogate escape (.invalidUnicodeEscape) |
/// | i_string_1st_surrogate_but_2nd_missing            | reject   | lone surrogate escape                      |
/// | i_string_1st_valid_surrogate_2nd_invalid          | reject   | high surrogate + non-low escape            |
/// | i_string_UTF-16LE_with_BOM                        | reject   | not UTF-8 (.invalidUTF8)                   |
/// | i_string_UTF-8_invalid_sequence                   | reject   | .invalidUTF8                               |
/// | i_string_UTF8_surrogate_U+D800                    | reject   | encoded surrogate is not UTF-8             |
/// | i_string_incomplete_surrogate_and_escape_valid    | reject   | lone surrogate escape                      |
/// | i_string_incomplete_surrogate_pair                | reject   | lone surrogate escape                      |
/// | i_string_incomplete_surrogates_escape_valid       | reject   | lone surrogate escape                      |
/// | i_string_invalid_lonely_surrogate                 | reject   | lone surrogate escape                      |
/// | i_string_invalid_surrogate                        | reject   | lone surrogate escape                      |
/// | i_string_invalid_utf-8                            | reject   | .invalidUTF8                               |
/// | i_string_inverted_surrogates_U+1D11E              | reject   | low before high surrogate                  |
/// | i_string_iso_latin_1                              | reject   | Latin-1 byte is not UTF-8                  |
/// | i_string_lone_second_surrogate                    | reject   | lone surrogate escape                      |
/// | i_string_lone_utf8_continuation_byte              | reject   | .invalidUTF8                               |
/// | i_string_not_in_unicode_range                     | reject   | past U+10FFFF                              |
/// | i_string_overlong_sequence_2_bytes                | reject   | overlong UTF-8                             |
/// | i_string_overlong_sequence_6_bytes                | reject   | overlong UTF-8                             |
/// | i_string_overlong_sequence_6_bytes_null           | reject   | overlong UTF-8                             |
/// | i_string_truncated-utf-8                          | reject   | .invalidUTF8                               |
/// | i_string_utf16BE_no_BOM                           | reject   | NUL bytes outside strings                  |
/// | i_string_utf16LE_no_BOM                           | reject   | NUL bytes outside strings                  |
/// | i_structure_500_nested_arrays                     | reject   | .tooDeep: the suite runs with maxDepth 64  |
/// | i_structure_UTF-8_BOM_empty_object                | reject   | UTF-8 BOM refused (IAM refuses it too)     |
@Suite struct JSONTestSuiteTests {
    /// The `i_` files we accept; every other `i_` file must be rejected.
    static let acceptedImplementationDefined: Set<String> = [
        "i_number_double_huge_neg_exp.json",
        "i_number_huge_exp.json",
        "i_number_neg_int_huge_exp.json",
        "i_number_pos_double_huge_exp.json",
        "i_number_real_neg_overflow.json",
        "i_number_real_pos_overflow.json",
        "i_number_real_underflow.json",
        "i_number_too_big_neg_int.json",
        "i_number_too_big_pos_int.json",
        "i_number_very_big_negative_int.json",
    ]

    @Test func suiteIsPresent() {
        #expect(JSONTestSupport.suiteFiles("y_").count == 95)
        #expect(JSONTestSupport.suiteFiles("n_").count == 188)
        #expect(JSONTestSupport.suiteFiles("i_").count == 35)
    }

    @Test("y_ files parse", arguments: JSONTestSupport.suiteFiles("y_"))
    func accepts(_ name: String) throws {
        let bytes = try JSONTestSupport.suiteBytes(name)
        #expect(throws: Never.self) {
            _ = try JSONReader(limits: JSONTestSupport.suiteLimits).read(bytes: bytes)
        }
    }

    @Test("n_ files are rejected", arguments: JSONTestSupport.suiteFiles("n_"))
    func rejects(_ name: String) throws {
        let bytes = try JSONTestSupport.suiteBytes(name)
        #expect(throws: JSONReadError.self) {
            _ = try JSONReader(limits: JSONTestSupport.suiteLimits).read(bytes: bytes)
        }
    }

    @Test("i_ files follow the documented decision", arguments: JSONTestSupport.suiteFiles("i_"))
    func implementationDefined(_ name: String) throws {
        let bytes = try JSONTestSupport.suiteBytes(name)
        let reader = JSONReader(limits: JSONTestSupport.suiteLimits)
        if Self.acceptedImplementationDefined.contains(name) {
            #expect(throws: Never.self) { _ = try reader.read(bytes: bytes) }
        } else {
            #expect(throws: JSONReadError.self) { _ = try reader.read(bytes: bytes) }
        }
    }

    @Test func fiveHundredNestedArraysAreTooDeep() throws {
        let bytes = try JSONTestSupport.suiteBytes("i_structure_500_nested_arrays.json")
        let error = try #require(throws: JSONReadError.self) {
            _ = try JSONReader(limits: JSONTestSupport.suiteLimits).read(bytes: bytes)
        }
        #expect(error.reason == .tooDeep(limit: 64))
        #expect(error.position == SourcePosition(line: 1, column: 65, offset: 64))
    }

    @Test func byteOrderMarkIsRefusedAtTheStart() throws {
        let bytes = try JSONTestSupport.suiteBytes("i_structure_UTF-8_BOM_empty_object.json")
        let error = try #require(throws: JSONReadError.self) {
            _ = try JSONReader().read(bytes: bytes)
        }
        #expect(error.position == .start)
        guard case .unexpectedCharacter(let found, _) = error.reason else {
            Issue.record("unexpected reason \(error.reason)")
            return
        }
        #expect(found.contains("byte order mark"))
    }

    @Test func hugeOpeningArraysDoNotCrash() throws {
        for name in ["n_structure_100000_opening_arrays.json", "n_structure_open_array_object.json"] {
            let bytes = try JSONTestSupport.suiteBytes(name)
            let error = try #require(throws: JSONReadError.self) {
                _ = try JSONReader(limits: JSONTestSupport.suiteLimits).read(bytes: bytes)
            }
            #expect(error.reason == .tooDeep(limit: 64))
        }
    }
}
