import Digests
import Testing
@testable import AWSWire

/// SHA-256 fed in every shape: contiguous chunks that straddle block boundaries, sequences
/// without contiguous storage, raw buffers; and SigV4 dates parsed without a date library.
@Suite struct BlockHashingTests {
    static let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) }

    @Test("Chunked updates agree with one-shot hashing", arguments: [1, 3, 63, 64, 65, 127, 128, 129, 999])
    func chunkedMatchesOneShot(chunk: Int) {
        var h = SHA256()
        var start = 0
        while start < Self.message.count {
            let end = min(start + chunk, Self.message.count)
            h.update(Self.message[start..<end])
            start = end
        }
        #expect(h.finalize() == SHA256.hash(Self.message))
    }

    @Test func nonContiguousSequencesHashTheSame() {
        let lazy = Self.message.lazy.map { $0 }
        var mixed = SHA256()
        mixed.update(Self.message.prefix(10))
        mixed.update(Self.message[10..<500].lazy.map { $0 })
        Self.message[500...].withUnsafeBytes { mixed.update($0) }
        #expect(SHA256.hash(lazy) == SHA256.hash(Self.message))
        #expect(mixed.finalize() == SHA256.hash(Self.message))
    }

    @Test func hexDigestOfTextMatchesPublishedVector() {
        #expect(SHA256.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("AmzDate.parse reads SigV4 timestamps", arguments: [
        ("19700101T000000Z", Int64(0)),
        ("20150830T123600Z", Int64(1_440_938_160_000)),
        ("20000229T235959Z", Int64(951_868_799_000)),
        ("20260101T000000Z", Int64(1_767_225_600_000)),
        ("21000301T000000Z", Int64(4_107_542_400_000)),
    ])
    func parsesDates(text: String, milliseconds: Int64) {
        #expect(AmzDate.parse(text)?.milliseconds == milliseconds)
        #expect(AmzDate.parse(text).map(AmzDate.format) == text)
    }

    @Test("AmzDate.parse refuses what is not a real time", arguments: [
        "20150230T000000Z", "20190229T000000Z", "21000229T000000Z", "20151301T000000Z", "20150001T000000Z",
        "20150830T240000Z", "20150830T126000Z", "20150830T123660Z", "20150830 123600Z", "2015-08-30T12:36:00Z", "",
    ])
    func refusesBadDates(text: String) {
        #expect(AmzDate.parse(text) == nil)
    }
}
