import Digests
import Foundation
import Testing
@testable import KinesisSim

/// The shared test vectors (Fixtures/hashes-and-routing.json).
struct HashVectors: Decodable {
    struct Digest: Decodable { var input: String; var hex: String }
    struct Routing: Decodable {
        struct Example: Decodable { var shards: Int; var partitionKey: String; var hashKey: String; var shardId: String }
        var ranges: [String: [[String]]]
        var examples: [Example]
    }
    var md5: [Digest]
    var kinesis_routing: Routing

    static func load() throws -> HashVectors {
        let url = try #require(Bundle.module.url(forResource: "hashes-and-routing", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(HashVectors.self, from: Data(contentsOf: url))
    }
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

@Suite struct MD5Tests {
    @Test("RFC 1321 test suite", arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func rfc1321Vectors(input: String, expected: String) {
        #expect(hex(MD5.digest(Array(input.utf8))) == expected)
    }

    @Test func sharedFixtureVectors() throws {
        let vectors = try HashVectors.load().md5
        #expect(vectors.count >= 11)
        for v in vectors {
            #expect(hex(MD5.digest(Array(v.input.utf8))) == v.hex, "\(v.input)")
            // Non-contiguous collections take the same path's fallback.
            #expect(hex(MD5.digest(v.input.utf8)) == v.hex, "\(v.input)")
        }
    }

    @Test func millionAsSpansManyBlocks() {
        #expect(hex(MD5.digest([UInt8](repeating: 0x61, count: 1_000_000))) == "7707d6ae4e027c70eea2a935c2296f21")
    }

    @Test("the hash key is the digest read big-endian", arguments: [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 256, 1024])
    func hashKeyIsDigestReadBigEndian(length: Int) {
        let key = String(repeating: "k", count: length)
        let digest = MD5.digest(Array(key.utf8))
        let bigEndian = digest.reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
        #expect(MD5.hashKey(partitionKey: key) == bigEndian)
    }
}
