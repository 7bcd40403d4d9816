import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct PutRecordTests {
    @Test func putRecordReturnsShardAndBigSequenceNumber() throws {
        var (world, admin) = try DataWorld.make()
        let out = try DataWorld.put(&world, admin, key: "a")
        #expect(out.shardId == "shardId-000000000000")
        #expect(out.sequenceNumber.count == 58)
        #expect(out.sequenceNumber.allSatisfy { $0.isNumber })
        #expect(out.encryptionType == nil)
        let s = try #require(DataWorld.stream(world))
        #expect(DataWorld.bigLess(s.startingSequenceNumber(ofShard: 0).description, out.sequenceNumber))
        #expect(s.endingSequenceNumber(ofShard: 0) == nil)
    }

    @Test func sequenceNumbersIncreasePerShardAndEveryRecordIsReadBackInOrder() throws {
        var (world, admin) = try DataWorld.make(shards: 4)
        var written: [String: [(String, String)]] = [:]  // shard → (sequence number, data)
        for i in 0..<2_000 {
            if i % 250 == 0 { world.advance(milliseconds: 7) }
            let out = try DataWorld.put(&world, admin, key: "key-\(i % 200)", data: "record-\(i)")
            written[out.shardId, default: []].append((out.sequenceNumber, "record-\(i)"))
        }
        #expect(written.values.reduce(0) { $0 + $1.count } == 2_000)
        #expect(written.count == 4)
        for (shardId, records) in written {
            for (a, b) in zip(records, records.dropFirst()) { #expect(DataWorld.bigLess(a.0, b.0)) }
            let it = try DataWorld.iterator(&world, admin, shard: shardId)
            let read = try DataWorld.readAll(&world, admin, from: it)
            #expect(read.map(\.sequenceNumber) == records.map(\.0))
            #expect(read.map { String(decoding: $0.data, as: UTF8.self) } == records.map(\.1))
        }
    }

    @Test func putRecordsEntriesForOneShardGetIncreasingNumbersInRequestOrder() throws {
        var (world, admin) = try DataWorld.make(shards: 2)
        let entries = (0..<500).map { PutRecordsRequestEntry(data: Array("d\($0)".utf8), partitionKey: "k\($0 % 7)") }
        let out = try world.putRecords(PutRecordsInput(.named("s"), records: entries), as: admin)
        #expect(out.failedRecordCount == 0)
        #expect(out.records.count == 500)
        #expect(out.encryptionType == nil)
        for shard in ["shardId-000000000000", "shardId-000000000001"] {
            let numbers = out.records.filter { $0.shardId == shard }.compactMap(\.sequenceNumber)
            for (a, b) in zip(numbers, numbers.dropFirst()) { #expect(DataWorld.bigLess(a, b)) }
        }
    }

    @Test func emptyDataAndExactlyOneMebibyteWithKeyAreAccepted() throws {
        var (world, admin) = try DataWorld.make()
        _ = try world.putRecord(PutRecordInput(.named("s"), data: [], partitionKey: "k"), as: admin)
        // A fresh second: the shard's 1 MiB/s budget is whole again.
        world.advance(milliseconds: 1000)
        _ = try world.putRecord(PutRecordInput(.named("s"), data: DataWorld.bytes(1_048_575), partitionKey: "k"), as: admin)
    }

    /// One row per model constraint: the input, and a part of the ValidationException message.
    static let validationRows: [(String, PutRecordInput, String)] = [
        ("missing data", PutRecordInput(.named("s"), data: nil, partitionKey: "k"),
         "Value null at 'data' failed to satisfy constraint: Member must not be null"),
        ("missing key", PutRecordInput(.named("s"), data: [1], partitionKey: nil),
         "Value null at 'partitionKey' failed to satisfy constraint: Member must not be null"),
        ("empty key", PutRecordInput(.named("s"), data: [1], partitionKey: ""),
         "at 'partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        ("257-character key", PutRecordInput(.named("s"), data: [1], partitionKey: String(repeating: "k", count: 257)),
         "at 'partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256"),
        ("leading zero hash key", PutRecordInput(.named("s"), data: [1], partitionKey: "k", explicitHashKey: "007"),
         "Value '007' at 'explicitHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})"),
        ("40-digit hash key", PutRecordInput(.named("s"), data: [1], partitionKey: "k", explicitHashKey: "1" + String(repeating: "0", count: 39)),
         "at 'explicitHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern"),
        ("non-numeric ordering", PutRecordInput(.named("s"), data: [1], partitionKey: "k", sequenceNumberForOrdering: "abc"),
         "Value 'abc' at 'sequenceNumberForOrdering' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,128})"),
        ("bad stream name", PutRecordInput(.named("bad name"), data: [1], partitionKey: "k"),
         "at 'streamName' failed to satisfy constraint"),
    ]

    @Test("model constraints are ValidationException", arguments: validationRows)
    func modelConstraintsAreValidationException(row: String, input: PutRecordInput, message: String) throws {
        var (world, admin) = try DataWorld.make()
        let error = DataWorld.expectError(.validation) { _ = try world.putRecord(input, as: admin) }
        #expect(error?.message.contains(message) == true, "\(row): \(error?.message ?? "")")
    }

    @Test func dataOverTheModelMaximumIsValidationException() throws {
        var (world, admin) = try DataWorld.make()
        let error = DataWorld.expectError(.validation) {
            _ = try world.putRecord(PutRecordInput(.named("s"), data: DataWorld.bytes(10_485_761), partitionKey: "k"), as: admin)
        }
        #expect(error?.message == "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=10485761 cap=10485761]' at 'data' failed to satisfy constraint: Member must have length less than or equal to 10485760")
    }

    @Test func dataOverTheStreamsRecordSizeIsValidationException() throws {
        var (world, admin) = try DataWorld.make()
        let error = DataWorld.expectError(.validation) {
            _ = try world.putRecord(PutRecordInput(.named("s"), data: DataWorld.bytes(1_048_577), partitionKey: "k"), as: admin)
        }
        #expect(error?.message.hasSuffix("at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576") == true)
    }

    @Test func dataPlusKeyOverTheRecordSizeIsInvalidArgument() throws {
        var (world, admin) = try DataWorld.make()
        DataWorld.expectError(.invalidArgument) {
            _ = try world.putRecord(PutRecordInput(.named("s"), data: DataWorld.bytes(1_048_576), partitionKey: "k"), as: admin)
        }
    }

    @Test func largerRecordsFitAStreamWithARaisedMaximum() throws {
        var (world, admin) = try TestWorld.make()
        try world.createStream(CreateStreamInput(streamName: "big", shardCount: 1, maxRecordSizeInKiB: 2048), as: admin)
        var settings = world.settings
        settings.enforceThroughputLimits = false
        world.settings = settings
        _ = try world.putRecord(PutRecordInput(.named("big"), data: DataWorld.bytes(2_000_000), partitionKey: "k"), as: admin)
    }

    @Test func explicitHashKeyOf2To128IsInvalidArgumentWithAWSMessage() throws {
        var (world, admin) = try DataWorld.make()
        let error = DataWorld.expectError(.invalidArgument) {
            try DataWorld.put(&world, admin, key: "k", explicitHashKey: "340282366920938463463374607431768211456")
        }
        #expect(error?.message == "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was 340282366920938463463374607431768211456")
    }

    @Test func sequenceNumberForOrderingFromThisStreamIsHonoured() throws {
        var (world, admin) = try DataWorld.make(shards: 2)
        let first = try DataWorld.put(&world, admin, key: "user-1")
        let second = try world.putRecord(PutRecordInput(.named("s"), data: [1], partitionKey: "user-1",
                                                        sequenceNumberForOrdering: first.sequenceNumber), as: admin)
        #expect(DataWorld.bigLess(first.sequenceNumber, second.sequenceNumber))
    }

    @Test("foreign or unissued SequenceNumberForOrdering is InvalidArgumentException", arguments: [
        "0", "12345", String(repeating: "9", count: 58),
        SequenceNumber(streamCreatedAt: 1, shardIndex: 0, arrival: 1, counter: 1).description,
    ])
    func foreignSequenceNumberForOrderingIsInvalidArgument(number: String) throws {
        var (world, admin) = try DataWorld.make()
        let error = DataWorld.expectError(.invalidArgument) {
            _ = try world.putRecord(PutRecordInput(.named("s"), data: [1], partitionKey: "k", sequenceNumberForOrdering: number), as: admin)
        }
        #expect(error?.message == "ExclusiveMinimumSequenceNumber \(number) used in PutRecord on stream s under account 111122223333 is invalid.")
    }

    @Test func putRecordsOf501IsValidationException() throws {
        var (world, admin) = try DataWorld.make()
        let entries = Array(repeating: PutRecordsRequestEntry(data: [1], partitionKey: "k"), count: 501)
        let error = DataWorld.expectError(.validation) { _ = try world.putRecords(PutRecordsInput(.named("s"), records: entries), as: admin) }
        #expect(error?.message.contains("at 'records' failed to satisfy constraint: Member must have length less than or equal to 500") == true)
    }

    @Test func putRecordsWithNoEntriesIsValidationException() throws {
        var (world, admin) = try DataWorld.make()
        let error = DataWorld.expectError(.validation) { _ = try world.putRecords(PutRecordsInput(.named("s"), records: []), as: admin) }
        #expect(error?.message.contains("Member must have length greater than or equal to 1") == true)
    }

    @Test func putRecordsEntryProblemsNameTheEntry() throws {
        var (world, admin) = try DataWorld.make()
        let entries = [PutRecordsRequestEntry(data: [1], partitionKey: "k"), PutRecordsRequestEntry(data: nil, partitionKey: "")]
        let error = DataWorld.expectError(.validation) { _ = try world.putRecords(PutRecordsInput(.named("s"), records: entries), as: admin) }
        #expect(error?.message.hasPrefix("2 validation errors detected: Value null at 'records.2.member.data'") == true)
        #expect(error?.message.contains("at 'records.2.member.partitionKey'") == true)
    }

    @Test func putRecordsOverFiveMebibytesIsInvalidArgument() throws {
        var (world, admin) = try DataWorld.make(shards: 8)
        let entries = (0..<6).map { PutRecordsRequestEntry(data: DataWorld.bytes(1_000_000), partitionKey: "k\($0)") }
        let error = DataWorld.expectError(.invalidArgument) { _ = try world.putRecords(PutRecordsInput(.named("s"), records: entries), as: admin) }
        #expect(error?.message == "Records size exceeds 5 MB limit")
        #expect(DataWorld.stream(world)?.shards.allSatisfy { $0.records.count == 0 } == true)
    }

    @Test func writesToACreatingStreamAreResourceNotFound() throws {
        var settings = WorldSettings.instant
        settings.creatingMilliseconds = 500
        var (world, admin) = try DataWorld.make(settings: settings)
        let error = DataWorld.expectError(.resourceNotFound) { try DataWorld.put(&world, admin, key: "k") }
        #expect(error?.message == "Stream s under account 111122223333 not found.")
        world.advance(milliseconds: 500)
        try DataWorld.put(&world, admin, key: "k")
    }

    @Test func writesToADeletingStreamAreResourceNotFound() throws {
        var settings = WorldSettings.instant
        settings.deletingMilliseconds = 500
        var (world, admin) = try DataWorld.make(settings: settings)
        try world.deleteStream(DeleteStreamInput(.named("s")), as: admin)
        DataWorld.expectError(.resourceNotFound) { try DataWorld.put(&world, admin, key: "k") }
        DataWorld.expectError(.resourceNotFound) {
            _ = try world.putRecords(PutRecordsInput(.named("s"), records: [PutRecordsRequestEntry(data: [1], partitionKey: "k")]), as: admin)
        }
    }

    @Test func writesToAMissingStreamAreResourceNotFound() throws {
        var (world, admin) = try DataWorld.make()
        DataWorld.expectError(.resourceNotFound) { try DataWorld.put(&world, admin, key: "k", stream: "nope") }
    }

    @Test func putRecordAndPutRecordsAreAuthorizedSeparately() throws {
        var (world, _) = try DataWorld.make()
        let producer = try TestWorld.user("producer", policy: #"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/s"}]}
        """#, in: &world)
        try DataWorld.put(&world, producer, key: "k")
        let error = DataWorld.expectError(.accessDenied) {
            _ = try world.putRecords(PutRecordsInput(.named("s"), records: [PutRecordsRequestEntry(data: [1], partitionKey: "k")]), as: producer)
        }
        #expect(error?.message.contains("kinesis:PutRecords on resource: arn:aws:kinesis:us-east-1:111122223333:stream/s") == true)
        // Authorization comes before existence: a missing stream is still AccessDenied.
        DataWorld.expectError(.accessDenied) { try DataWorld.put(&world, producer, key: "k", stream: "nope") }
    }
}
