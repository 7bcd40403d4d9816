import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct ShardIteratorTests {
    /// A one-shard stream holding records r0, r1, r2 written 100 ms apart.
    static func threeRecords() throws -> (KinesisWorld, Caller, [PutRecordOutput]) {
        var (world, admin) = try DataWorld.make()
        var outs = [PutRecordOutput]()
        for i in 0..<3 {
            outs.append(try DataWorld.put(&world, admin, key: "k", data: "r\(i)"))
            world.advance(milliseconds: 100)
        }
        return (world, admin, outs)
    }

    static func datas(_ out: GetRecordsOutput) -> [String] { out.records.map { String(decoding: $0.data, as: UTF8.self) } }

    @Test("every iterator type starts where AWS says", arguments: [
        ("TRIM_HORIZON", nil, ["r0", "r1", "r2"]),
        ("LATEST", nil, []),
        ("AT_SEQUENCE_NUMBER", 1, ["r1", "r2"]),
        ("AFTER_SEQUENCE_NUMBER", 1, ["r2"]),
        ("AFTER_SEQUENCE_NUMBER", 2, []),
    ] as [(String, Int?, [String])])
    func iteratorTypesStartWhereAWSSays(type: String, record: Int?, expected: [String]) throws {
        var (world, admin, outs) = try Self.threeRecords()
        let it = try DataWorld.iterator(&world, admin, type: type, sequenceNumber: record.map { outs[$0].sequenceNumber })
        let out = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin)
        #expect(Self.datas(out) == expected)
    }

    @Test("AT_TIMESTAMP starts at the first record at or after the time", arguments: [
        (-5_000, ["r0", "r1", "r2"]), (0, ["r0", "r1", "r2"]), (1, ["r1", "r2"]), (100, ["r1", "r2"]), (201, []), (10_000, []),
    ] as [(Int64, [String])])
    func atTimestampStartsAtFirstRecordAtOrAfter(offset: Int64, expected: [String]) throws {
        var (world, admin, _) = try Self.threeRecords()
        let first = DataWorld.start
        let it = try DataWorld.iterator(&world, admin, type: "AT_TIMESTAMP", timestamp: first.adding(milliseconds: offset))
        #expect(Self.datas(try world.getRecords(GetRecordsInput(shardIterator: it), as: admin)) == expected)
    }

    @Test func shardStartingSequenceNumberWorksAtSequenceNumber() throws {
        var (world, admin, _) = try Self.threeRecords()
        let start = try #require(DataWorld.stream(world)).startingSequenceNumber(ofShard: 0).description
        let it = try DataWorld.iterator(&world, admin, type: "AT_SEQUENCE_NUMBER", sequenceNumber: start)
        #expect(Self.datas(try world.getRecords(GetRecordsInput(shardIterator: it), as: admin)) == ["r0", "r1", "r2"])
    }

    @Test func latestSeesOnlyLaterRecords() throws {
        var (world, admin, _) = try Self.threeRecords()
        let it = try DataWorld.iterator(&world, admin, type: "LATEST")
        try DataWorld.put(&world, admin, key: "k", data: "later")
        #expect(Self.datas(try world.getRecords(GetRecordsInput(shardIterator: it), as: admin)) == ["later"])
    }

    @Test func iteratorsAreReusableAndRereadTheSamePosition() throws {
        var (world, admin, _) = try Self.threeRecords()
        let it = try DataWorld.iterator(&world, admin)
        let first = try world.getRecords(GetRecordsInput(shardIterator: it, limit: 2), as: admin)
        world.advance(milliseconds: 1000)
        let again = try world.getRecords(GetRecordsInput(shardIterator: it, limit: 2), as: admin)
        #expect(Self.datas(first) == ["r0", "r1"])
        #expect(Self.datas(again) == ["r0", "r1"])
    }

    @Test func nextShardIteratorChainsThroughTheShard() throws {
        var (world, admin, outs) = try Self.threeRecords()
        var it = try DataWorld.iterator(&world, admin)
        var seen = [String]()
        for _ in 0..<3 {
            let out = try world.getRecords(GetRecordsInput(shardIterator: it, limit: 1), as: admin)
            seen += out.records.map(\.sequenceNumber)
            it = try #require(out.nextShardIterator)
        }
        #expect(seen == outs.map(\.sequenceNumber))
        let end = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin)
        #expect(end.records.isEmpty)
        #expect(end.nextShardIterator != nil)
        #expect(end.childShards == nil)
        #expect(end.millisBehindLatest == 0)
    }

    @Test func millisBehindLatestIsTheAgeOfTheFirstUnreadRecord() throws {
        var (world, admin, _) = try Self.threeRecords()
        // Now is 300 ms after r0; r1 arrived 100 ms after r0.
        let it = try DataWorld.iterator(&world, admin)
        let out = try world.getRecords(GetRecordsInput(shardIterator: it, limit: 1), as: admin)
        #expect(out.millisBehindLatest == 200)
        let rest = try world.getRecords(GetRecordsInput(shardIterator: try #require(out.nextShardIterator)), as: admin)
        #expect(rest.millisBehindLatest == 0)
    }

    @Test func recordsCarryArrivalTimestampAndPartitionKey() throws {
        var (world, admin, outs) = try Self.threeRecords()
        let it = try DataWorld.iterator(&world, admin)
        let records = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin).records
        #expect(records.map(\.approximateArrivalTimestamp.milliseconds) == [0, 100, 200].map { DataWorld.start.milliseconds + $0 })
        #expect(records.allSatisfy { $0.partitionKey == "k" && $0.encryptionType == nil })
        #expect(records.map(\.sequenceNumber) == outs.map(\.sequenceNumber))
    }

    @Test func iteratorExpiresJustAfterItsLifetime() throws {
        var (world, admin, _) = try Self.threeRecords()
        let it = try DataWorld.iterator(&world, admin)
        let issued = world.now
        world.advance(milliseconds: 300_000)
        _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin)
        world.advance(milliseconds: 1)
        let error = DataWorld.expectError(.expiredIterator) { _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin) }
        #expect(error?.message == "Iterator expired. The iterator was created at time \(issued.javaDateString) while right now it is \(world.now.javaDateString) which is further in the future than the tolerated delay of 300000 milliseconds.")
    }

    @Test func javaDateStringMatchesAWSFormat() {
        // 2015-01-22T01:22:02Z, kinesalite's captured example.
        #expect(Timestamp(milliseconds: 1_421_889_722_000).javaDateString == "Thu Jan 22 01:22:02 UTC 2015")
        #expect(Timestamp(milliseconds: 0).javaDateString == "Thu Jan 01 00:00:00 UTC 1970")
        #expect(Timestamp(milliseconds: 1_709_208_000_000).javaDateString == "Thu Feb 29 12:00:00 UTC 2024")
    }

    @Test("garbage and edited iterators are InvalidArgumentException", arguments: ["AAAA", "not base64!", "AAAAAAAAAAE="])
    func garbageIteratorIsInvalidArgument(iterator: String) throws {
        var (world, admin, _) = try Self.threeRecords()
        let error = DataWorld.expectError(.invalidArgument) { _ = try world.getRecords(GetRecordsInput(shardIterator: iterator), as: admin) }
        #expect(error?.message == "Invalid ShardIterator.")
    }

    @Test func editedIteratorIsRefused() throws {
        var (world, admin, _) = try Self.threeRecords()
        let it = try DataWorld.iterator(&world, admin)
        let decoded: [UInt8]? = Base64.decode(it)
        var bytes = try #require(decoded)
        bytes[31] ^= 1  // the position's last byte
        let error = DataWorld.expectError(.invalidArgument) {
            _ = try world.getRecords(GetRecordsInput(shardIterator: Base64.encode(bytes)), as: admin)
        }
        #expect(error?.message == "Invalid ShardIterator.")
        #expect(it.count <= 512)
    }

    @Test func iteratorFromAnotherWorldKeyIsRefused() throws {
        var (world, admin, _) = try Self.threeRecords()
        let it = try DataWorld.iterator(&world, admin)
        var other = KinesisWorld(settings: .instant, seed: 99)
        try other.addUser(IAMUser(name: "admin", account: TestWorld.account, policies: [NamedPolicy(name: "a", text: TestWorld.adminPolicy)]),
                          account: TestWorld.account)
        let otherAdmin = try #require(other.caller(user: "admin", account: TestWorld.account))
        try other.createStream(CreateStreamInput(streamName: "s", shardCount: 1), as: otherAdmin)
        DataWorld.expectError(.invalidArgument) { _ = try other.getRecords(GetRecordsInput(shardIterator: it), as: otherAdmin) }
    }

    @Test func iteratorOfADeletedOrRecreatedStreamIsResourceNotFound() throws {
        var (world, admin, _) = try Self.threeRecords()
        let it = try DataWorld.iterator(&world, admin)
        try world.deleteStream(DeleteStreamInput(.named("s")), as: admin)
        DataWorld.expectError(.resourceNotFound) { _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin) }
        world.advance(milliseconds: 1)
        try world.createStream(CreateStreamInput(streamName: "s", shardCount: 1), as: admin)
        let error = DataWorld.expectError(.resourceNotFound) { _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin) }
        #expect(error?.message == "Shard shardId-000000000000 in stream s under account 111122223333 does not exist")
    }

    @Test func streamARNMustBeTheIteratorsStream() throws {
        var (world, admin, _) = try Self.threeRecords()
        let it = try DataWorld.iterator(&world, admin)
        _ = try world.getRecords(GetRecordsInput(shardIterator: it, streamARN: TestWorld.arn("s")), as: admin)
        DataWorld.expectError(.invalidArgument) {
            _ = try world.getRecords(GetRecordsInput(shardIterator: it, streamARN: TestWorld.arn("other")), as: admin)
        }
    }

    @Test("GetRecords model constraints are ValidationException", arguments: [
        (GetRecordsInput(shardIterator: nil), "Value null at 'shardIterator' failed to satisfy constraint: Member must not be null"),
        (GetRecordsInput(shardIterator: ""), "at 'shardIterator' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        (GetRecordsInput(shardIterator: String(repeating: "A", count: 513)), "Member must have length less than or equal to 512"),
        (GetRecordsInput(shardIterator: "AAAA", limit: 0), "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
        (GetRecordsInput(shardIterator: "AAAA", limit: 10_001), "Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000"),
        (GetRecordsInput(shardIterator: "AAAA", streamARN: "nope"), "at 'streamARN' failed to satisfy constraint: Member must satisfy regular expression pattern"),
    ])
    func getRecordsModelConstraintsAreValidationException(input: GetRecordsInput, message: String) throws {
        var (world, admin) = try DataWorld.make()
        let error = DataWorld.expectError(.validation) { _ = try world.getRecords(input, as: admin) }
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func limitCapsTheRecordsReturned() throws {
        var (world, admin) = try DataWorld.make()
        let entries = (0..<500).map { PutRecordsRequestEntry(data: [UInt8($0 % 256)], partitionKey: "k") }
        _ = try world.putRecords(PutRecordsInput(.named("s"), records: entries), as: admin)
        let it = try DataWorld.iterator(&world, admin)
        let out = try world.getRecords(GetRecordsInput(shardIterator: it, limit: 123), as: admin)
        #expect(out.records.count == 123)
        #expect(out.millisBehindLatest == 0)  // the rest arrived this very millisecond
    }

    @Test func getRecordsNeedsGetRecordsPermissionOnTheIteratorsStream() throws {
        var (world, admin, _) = try Self.threeRecords()
        let it = try DataWorld.iterator(&world, admin)
        let reader = try TestWorld.user("reader", policy: #"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:GetShardIterator","Resource":"*"}]}
        """#, in: &world)
        let error = DataWorld.expectError(.accessDenied) { _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: reader) }
        #expect(error?.message.contains("kinesis:GetRecords on resource: arn:aws:kinesis:us-east-1:111122223333:stream/s") == true)
    }
}
