import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// A compacted journal's records lines: a world's records written as lines and put back
/// into a world rebuilt from its other requests read exactly as before.
@Suite struct JournalRecordsLineTests {
    static let start = AWSServiceTests.start
    static let hour: Int64 = 3_600_000

    /// One stored record, as plain values.
    struct Stored: Equatable, CustomStringConvertible {
        var arrival: Int64
        var counter: UInt64
        var keyId: String?
        var partitionKey: String
        var data: [UInt8]
        var description: String { "\(arrival)/\(counter)/\(keyId ?? "-")/\(partitionKey)/\(data.count)" }
    }

    /// Every written shard of `world`, with its records.
    static func contents(_ world: KinesisWorld) -> [(KinesisWorld.ShardPlace, [Stored])] {
        var out: [(KinesisWorld.ShardPlace, [Stored])] = []
        world.forEachWrittenShard { place, log in
            var records: [Stored] = []
            log.forEachReadable { r in
                records.append(Stored(arrival: r.arrival, counter: r.counter, keyId: r.keyId,
                                      partitionKey: String(decoding: r.partitionKey, as: UTF8.self), data: Array(r.data)))
            }
            out.append((place, records))
        }
        return out
    }

    static func same(_ a: [(KinesisWorld.ShardPlace, [Stored])], _ b: [(KinesisWorld.ShardPlace, [Stored])]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// A journaled history: two streams, records over 26 hours (the first ones aged out), a
    /// split, encryption, a PutRecords batch, a deleted stream with records, a stream never
    /// written.
    static func history() throws -> AWSService {
        let service = AWSService.withDefaultAdmin(world: KinesisWorld(settings: .instant, start: start))
        service.startJournal()
        var now = start
        func call(_ operation: String, _ body: String) throws {
            let status = WireClient(service, now: now).kinesis(operation, body).status
            try #require(status == 200, "\(operation) \(body) answered \(status)")
        }
        try call("CreateStream", #"{"StreamName":"orders","ShardCount":2}"#)
        try call("CreateStream", #"{"StreamName":"gone","ShardCount":1}"#)
        try call("CreateStream", #"{"StreamName":"unwritten","ShardCount":1}"#)
        for i in 0..<100 {
            if i % 10 == 0 { now = now.adding(milliseconds: 1000) }
            try call("PutRecord", #"{"StreamName":"orders","PartitionKey":"early-\#(i)","Data":"\#(Base64.encode(Array("early \(i)".utf8)))"}"#)
        }
        try call("PutRecord", #"{"StreamName":"gone","PartitionKey":"g","Data":"Z29uZQ=="}"#)
        try call("DeleteStream", #"{"StreamName":"gone"}"#)
        now = now.adding(milliseconds: 23 * hour)
        for i in 0..<200 {
            if i % 10 == 0 { now = now.adding(milliseconds: 1000) }
            try call("PutRecord", #"{"StreamName":"orders","PartitionKey":"late-\#(i)","Data":"\#(Base64.encode(Array(repeating: UInt8(i % 256), count: i)))"}"#)
        }
        try call("SplitShard", #"{"StreamName":"orders","ShardToSplit":"shardId-000000000000","NewStartingHashKey":"85070591730234615865843651857942052864"}"#)
        now = now.adding(milliseconds: 1000)
        let batch = (0..<20).map { #"{"PartitionKey":"batch-\#($0)","Data":"YmF0Y2g="}"# }.joined(separator: ",")
        try call("PutRecords", #"{"StreamName":"orders","Records":[\#(batch)]}"#)
        try call("StartStreamEncryption", #"{"StreamName":"orders","EncryptionType":"KMS","KeyId":"alias/aws/kinesis"}"#)
        now = now.adding(milliseconds: 1000)
        for i in 0..<10 {
            try call("PutRecord", #"{"StreamName":"orders","PartitionKey":"secret-\#(i)","Data":"c2VjcmV0"}"#)
        }
        // Past the first records' 24 hours: they have aged out.
        now = now.adding(milliseconds: 2 * hour)
        try call("AddTagsToStream", #"{"StreamName":"orders","Tags":{"team":"checkout"}}"#)
        return service
    }

    static func lines(of world: KinesisWorld) -> [String] {
        var lines: [String] = []
        JournalRecordsLine.write(world) { line in
            lines.append(String(decoding: line.dropLast(), as: UTF8.self))
            return true
        }
        return lines
    }

    @Test func recordsPutBackAfterTheOtherRequestsReadAsBefore() throws {
        let service = try Self.history()
        let entries = service.takeJournal()
        let world = service.withWorld { $0 }
        let original = Self.contents(world)
        // The aged-out records are not kept; the deleted stream is gone; the unwritten has no line.
        #expect(original.map(\.0.stream) == ["orders", "orders", "orders", "orders"])
        #expect(original.flatMap(\.1).count == 230)
        #expect(!original.flatMap(\.1).contains { $0.partitionKey.hasPrefix("early-") })
        #expect(original.flatMap(\.1).filter { $0.keyId != nil }.count == 10)
        #expect(original.contains { $0.0.firstPosition > 0 }, "some shard's first readable record is not its first")

        let kept = entries.filter { !$0.writesRecordsOnly }.map(\.line)
        #expect(kept.count == entries.count - 312)
        let lines = Self.lines(of: world)
        #expect(lines.count == 4)
        let rebuilt = AWSService.withDefaultAdmin(world: KinesisWorld(settings: .instant, start: Self.start))
        #expect(try rebuilt.replay(lines: kept + lines) == kept.count + lines.count)
        let rebuiltWorld = rebuilt.withWorld { $0 }
        #expect(Self.same(Self.contents(rebuiltWorld), original))
        #expect(rebuiltWorld.now == world.now)

        // Both go on alike: the next record gets the same shard and sequence number, and a
        // reader from the horizon sees the same records.
        let next = Self.start.adding(milliseconds: 30 * Self.hour)
        let put = #"{"StreamName":"orders","PartitionKey":"after","Data":"YWZ0ZXI="}"#
        let a = WireClient(service, now: next).kinesis("PutRecord", put)
        let b = WireClient(rebuilt, now: next).kinesis("PutRecord", put)
        #expect(a.status == 200)
        #expect(a.json?["SequenceNumber"]?.stringValue == b.json?["SequenceNumber"]?.stringValue)
        #expect(a.json?["ShardId"]?.stringValue == b.json?["ShardId"]?.stringValue)
        for shard in ["shardId-000000000001", "shardId-000000000002"] {
            let iterator = #"{"StreamName":"orders","ShardId":"\#(shard)","ShardIteratorType":"TRIM_HORIZON"}"#
            func read(_ s: AWSService) -> String? {
                let client = WireClient(s, now: next)
                guard let it = client.kinesis("GetShardIterator", iterator).json?["ShardIterator"]?.stringValue else { return nil }
                return client.kinesis("GetRecords", #"{"ShardIterator":"\#(it)"}"#).json?["Records"].map { JSONWriter.string($0) }
            }
            #expect(read(service) != nil)
            #expect(read(service) == read(rebuilt))
        }
    }

    @Test func aLongLogIsSplitIntoPartsThatReadBackInOrder() throws {
        var settings = WorldSettings.instant
        settings.enforceThroughputLimits = false
        func fresh() -> AWSService { AWSService.withDefaultAdmin(world: KinesisWorld(settings: settings, start: Self.start)) }
        let service = fresh()
        service.startJournal()
        let client = WireClient(service, now: Self.start)
        #expect(client.kinesis("CreateStream", #"{"StreamName":"long","ShardCount":1}"#).status == 200)
        let n = JournalRecordsLine.recordsPerLine * 2 + 5
        for first in stride(from: 0, to: n, by: 500) {
            let batch = (first..<min(n, first + 500)).map { #"{"PartitionKey":"k","Data":"\#(Base64.encode(Array("r\($0)".utf8)))"}"# }
            #expect(client.kinesis("PutRecords", #"{"StreamName":"long","Records":[\#(batch.joined(separator: ","))]}"#).status == 200)
        }
        let kept = service.takeJournal().filter { !$0.writesRecordsOnly }.map(\.line)
        let world = service.withWorld { $0 }
        let lines = Self.lines(of: world)
        #expect(lines.count == 3)
        let parts = lines.compactMap { line -> Int? in
            var text = line
            return text.withUTF8 { JournalRecordsLine(line: $0) }?.part
        }
        #expect(parts == [0, 1, 2])
        let rebuilt = fresh()
        #expect(try rebuilt.replay(lines: kept + lines) == 4)
        #expect(Self.same(Self.contents(rebuilt.withWorld { $0 }), Self.contents(world)))
        #expect(Self.contents(world).first?.1.count == n)
        // A later part without the first is refused.
        #expect(throws: JournalReplayError(line: 2, message: "the records cannot be put back: the records of shard shardId-000000000000 of stream `long` do not follow their first part")) {
            try fresh().replay(lines: kept + [lines[1]])
        }
    }

    @Test func aRecordsLineReadsTheSameScannedOrThroughTheJSONReader() throws {
        let service = try Self.history()
        let line = try #require(Self.lines(of: service.withWorld { $0 }).last)
        var text = line
        let scanned = try #require(text.withUTF8 { JournalRecordsLine.scanning($0) })
        let read = try #require(text.withUTF8 { JournalRecordsLine.reading($0) })
        #expect(scanned == read)
        #expect(scanned.isWellFormed)
        // Spaces after the colons: only the JSON reader takes it, to the same line.
        var spaced = line.replacingOccurrences(of: "\":", with: "\": ")
        #expect(spaced.withUTF8 { JournalRecordsLine.scanning($0) } == nil)
        #expect(spaced.withUTF8 { JournalRecordsLine(line: $0) } == scanned)
    }

    @Test("A records line whose payload does not hold what it says is no line", arguments: [
        (#""count":"#, #""count":1"#),  // one more record than there are
        (#""data":""#, #""data":"AAAA"#),  // bytes that are no record before the real ones
    ])
    func aBrokenPayloadIsRefused(find: String, replace: String) throws {
        let service = try Self.history()
        let line = try #require(Self.lines(of: service.withWorld { $0 }).first)
        let broken = line.replacingOccurrences(of: find, with: replace)
        #expect(broken != line)
        #expect(throws: JournalReplayError(line: 1, message: "not a kdslab journal entry (format version 1)")) {
            try AWSService.withDefaultAdmin().replay(lines: [broken])
        }
    }

    @Test func recordsForAStreamThatIsNotThereStopTheReplay() throws {
        let service = try Self.history()
        let line = try #require(Self.lines(of: service.withWorld { $0 }).first)
        #expect(throws: JournalReplayError(line: 1, message: "the records cannot be put back: stream `orders` does not exist")) {
            try AWSService.withDefaultAdmin().replay(lines: [line])
        }
    }
}
