import Testing
@testable import IAMPolicy

extension ValuesTests {
    @Suite("Base64")
    struct Base64Tests {
        @Test("RFC 4648 test vectors", arguments: [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
        ])
        func vectors(plain: String, encoded: String) {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
        }

        @Test("malformed input is rejected", arguments: [
            "abc", "ab=c", "a===", "====", "-_", "-_-_", "ab_c", "ab-c", "Zg==\n", " Zg==", "Zg= =",
            "Zm9v\nYmFy", "Zg", "Zg=", "Zm9", "=Zg=", "Zg==Zg==", "Zm8=Zm8=", "Zm9vY===", "Zm9v====",
            "Zm9vYg", "Zm9vYmE", "Zm9vYmF", "Zé==", "Zm9v\u{0}", "****",
        ])
        func rejects(text: String) {
            #expect(Base64.decode(text) == nil)
        }

        @Test("non-zero trailing bits are accepted and ignored", arguments: [
            ("Zh==", "f"), ("Zm9=", "fo"), ("Zm//", nil as String?),
        ])
        func trailingBits(text: String, plain: String?) throws {
            let bytes = try #require(Base64.decode(text))
            if let plain { #expect(bytes == Array(plain.utf8)) }
        }

        @Test("round trips all byte values and lengths 0...300")
        func roundTrips() {
            for length in 0...300 {
                let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
                let text = Base64.encode(bytes)
                #expect(text.utf8.count == (length + 2) / 3 * 4)
                #expect(Base64.decode(text) == bytes)
            }
            let all = (0...255).map(UInt8.init)
            #expect(Base64.decode(Base64.encode(all)) == all)
            #expect(Base64.encode([0xFB, 0xFF]) == "+/8=")
            #expect(Base64.decode("+/8=") == [0xFB, 0xFF])
        }

        @Test("large input decodes")
        func large() {
            let bytes = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 131) }
            let text = Base64.encode(bytes)
            #expect(Base64.decode(text) == bytes)
            // A bad byte deep inside is still caught.
            var corrupted = Array(text.utf8)
            corrupted[700_001] = UInt8(ascii: "-")
            #expect(Base64.decode(String(decoding: corrupted, as: UTF8.self)) == nil)
        }
    }
}
