import Testing
@testable import IAMPolicy

extension ValuesTests {
    @Suite("DecimalNumber")
    struct DecimalNumberTests {
        @Test("valid numbers parse and print canonically", arguments: [
            ("0", "0"), ("-0", "0"), ("0.000", "0"), ("-0.0", "0"), ("500", "500"), ("-1", "-1"),
            ("3.75", "3.75"), ("1.50", "1.5"), ("007", "7"), ("0.001", "0.001"), ("-0.0010", "-0.001"),
            ("3600", "3600"), ("100.000", "100"), ("1e3", "1000"), ("1E3", "1000"), ("1.5e+2", "150"),
            ("15e-3", "0.015"), ("-2.5E-1", "-0.25"), ("0e99", "0"),
            ("1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890"),
            ("0.12345678901234567890123", "0.12345678901234567890123"),
            ("9223372036854775807", "9223372036854775807"),
            ("18446744073709551616", "18446744073709551616"),
            ("10000000000000000000000000000000000000001", "10000000000000000000000000000000000000001"),
            ("100000000000000000000000000000000000000000", "100000000000000000000000000000000000000000"),
        ])
        func parses(text: String, canonical: String) throws {
            let n = try #require(DecimalNumber(parsing: text))
            #expect(n.description == canonical)
            #expect(DecimalNumber(parsing: canonical) == n)
        }

        @Test("malformed numbers are rejected", arguments: [
            "", "-", "+1", "+", ".5", "5.", "-.5", "1.2.3", "1,5", " 1", "1 ", "0x10", "1e", "1e+",
            "1e-", "e5", "1e1000001", "NaN", "Infinity", "-Infinity", "--1", "1-", "1_000", "١",
            "1.5f", "true",
        ])
        func rejects(text: String) {
            #expect(DecimalNumber(parsing: text) == nil)
        }

        @Test("exact comparisons", arguments: [
            // (a, b, expected sign of a − b)
            ("1.50", "1.5", 0), ("-0", "0", 0), ("0.0", "-0.000", 0), ("500", "3600", -1),
            ("10", "9.99999999999999999999", 1), ("9.99999999999999999999", "10", -1),
            ("-1", "0", -1), ("-1", "-2", 1), ("-1.5", "-1.25", -1), ("0.1", "0.09", 1),
            ("1e3", "1000", 0), ("1000.0001", "1e3", 1), ("100", "99", 1), ("0.5", "0.50000", 0),
            ("1234567890123456789012345678901234567890", "1234567890123456789012345678901234567891", -1),
            ("1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890.0", 0),
            ("-1234567890123456789012345678901234567890", "-1234567890123456789012345678901234567891", 1),
            ("12345678901234567890", "12345678901234567890.0000000000000000001", -1),
            ("1234567890123456789", "12345678901234567890", -1),
            ("99999999999999999999", "100000000000000000000", -1),
            ("0.3", "-0.3", 1), ("0", "0.000000000000000000000000001", -1),
            ("-0.000000000000000000000000001", "0", -1), ("2", "10", -1), ("0.2", "0.15", 1),
        ])
        func compares(a: String, b: String, expected: Int) throws {
            let x = try #require(DecimalNumber(parsing: a))
            let y = try #require(DecimalNumber(parsing: b))
            #expect(x.compare(to: y) == expected)
            #expect(y.compare(to: x) == -expected)
            #expect((x == y) == (expected == 0))
            #expect((x < y) == (expected < 0))
            if expected == 0 { #expect(x.hashValue == y.hashValue) }
        }

        @Test("integer initializer", arguments: [Int64(0), 1, -1, 500, Int64.max, Int64.min])
        func fromInteger(value: Int64) {
            #expect(DecimalNumber(value).description == String(value))
        }

        @Test("sorting agrees with the numeric order")
        func sorting() throws {
            let texts = ["3.75", "-1", "500", "0", "-0.5", "1e2", "99.999", "1234567890123456789012345"]
            let sorted = try texts.map { try #require(DecimalNumber(parsing: $0)) }.sorted().map(\.description)
            #expect(sorted == ["-1", "-0.5", "0", "3.75", "99.999", "100", "500", "1234567890123456789012345"])
        }
    }
}
