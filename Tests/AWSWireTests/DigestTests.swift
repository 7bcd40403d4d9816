import Digests
import Foundation
import Testing
@testable import AWSWire

/// The shared SHA-256 and HMAC-SHA256 vectors (Fixtures/hashes-and-routing.json: FIPS 180-4
/// examples and RFC 4231).
private struct DigestVectors: Decodable {
    struct Digest: Decodable { var input: String; var hex: String }
    struct Keyed: Decodable { var keyHex: String; var data: String; var hex: String }
    var sha256: [Digest]
    var hmac_sha256: [Keyed]

    static func load() throws -> DigestVectors {
        let url = try #require(Bundle.module.url(forResource: "hashes-and-routing", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(DigestVectors.self, from: Data(contentsOf: url))
    }
}

@Suite struct DigestTests {
    @Test func sha256MatchesPublishedVectors() throws {
        let vectors = try DigestVectors.load().sha256
        #expect(vectors.count >= 3)
        for v in vectors {
            #expect(Hex.encode(SHA256.hash(Array(v.input.utf8))) == v.hex, "input of \(v.input.utf8.count) bytes")
        }
    }

    @Test func sha256OfAMillionAs() {
        var h = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { h.update(chunk) }
        #expect(Hex.encode(h.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("Padding boundaries: incremental and one-shot agree", arguments: [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128])
    func incrementalMatchesOneShot(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var h = SHA256()
        for b in bytes { h.update([b]) }
        #expect(h.finalize() == SHA256.hash(bytes))
    }

    @Test func hmacMatchesRFC4231() throws {
        let vectors = try DigestVectors.load().hmac_sha256
        #expect(vectors.count >= 3)
        for v in vectors {
            let key = try #require(Hex.decode(v.keyHex))
            let mac = Hex.encode(HMAC.sha256(key: key, message: Array(v.data.utf8)))
            #expect(mac == v.hex, "key \(v.keyHex.prefix(8))…")
        }
    }

    @Test func hexRoundTripsAndRejectsBadInput() {
        #expect(Hex.decode("00ff10Ab") == [0x00, 0xff, 0x10, 0xab])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.encode([0xde, 0xad]) == "dead")
    }
}
