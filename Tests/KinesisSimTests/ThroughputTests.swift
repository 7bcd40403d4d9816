import Testing
@testable import KinesisSim

@Suite struct ThroughputTests {
    static func batch(_ count: Int, from start: Int = 0) -> PutRecordsInput {
        PutRecordsInput(.named("s"), records: (start..<(start + count)).map {
            PutRecordsRequestEntry(data: Array("r\($0)".utf8), partitionKey: "k")
        })
    }

    @Test func putRecordsOverflowFailsOnlyTheEntriesPastTheShardsBudget() throws {
        var (world, admin) = try DataWorld.make()
        let a = try world.putRecords(Self.batch(500), as: admin)
        let b = try world.putRecords(Self.batch(499, from: 500), as: admin)
        #expect(a.failedRecordCount == 0 && b.failedRecordCount == 0)
        // 1,001 records in one second: exactly the 1,001st and later fail.
        let c = try world.putRecords(Self.batch(3, from: 999), as: admin)
        #expect(c.failedRecordCount == 2)
        #expect(c.records.map(\.succeeded) == [true, false, false])
        #expect(c.records[1].errorCode == .provisionedThroughputExceeded)
        #expect(c.records[1].errorMessage == "Rate exceeded for shard shardId-000000000000 in stream s under account 111122223333.")
        #expect(c.records[1].shardId == nil && c.records[1].sequenceNumber == nil)
        world.advance(milliseconds: 1000)
        let d = try world.putRecords(Self.batch(2, from: 1000), as: admin)
        #expect(d.failedRecordCount == 0)
        let it = try DataWorld.iterator(&world, admin)
        let read = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin).records
        #expect(read.map { String(decoding: $0.data, as: UTF8.self) } == (0..<1002).map { "r\($0)" })
    }

    @Test func mixedBatchFailsOnlyTheHotShardsEntries() throws {
        var (world, admin) = try DataWorld.make(shards: 2)
        // Fill shard 0's record budget with explicit hash keys.
        let fill = PutRecordsInput(.named("s"), records: Array(repeating: PutRecordsRequestEntry(data: [1], partitionKey: "k", explicitHashKey: "0"), count: 500))
        _ = try world.putRecords(fill, as: admin)
        _ = try world.putRecords(fill, as: admin)
        let mixed = PutRecordsInput(.named("s"), records: [
            PutRecordsRequestEntry(data: [1], partitionKey: "k", explicitHashKey: "0"),
            PutRecordsRequestEntry(data: [2], partitionKey: "k", explicitHashKey: String(UInt128.max)),
        ])
        let out = try world.putRecords(mixed, as: admin)
        #expect(out.failedRecordCount == 1)
        #expect(out.records[0].errorCode == .provisionedThroughputExceeded)
        #expect(out.records[1].shardId == "shardId-000000000001")
    }

    @Test func putRecordOverTheByteBudgetIsProvisionedThroughputExceeded() throws {
        var (world, admin) = try DataWorld.make()
        _ = try world.putRecord(PutRecordInput(.named("s"), data: DataWorld.bytes(1_000_000), partitionKey: "k"), as: admin)
        let error = DataWorld.expectError(.provisionedThroughputExceeded) {
            _ = try world.putRecord(PutRecordInput(.named("s"), data: DataWorld.bytes(100_000), partitionKey: "k"), as: admin)
        }
        #expect(error?.message == "Rate exceeded for shard shardId-000000000000 in stream s under account 111122223333.")
        // The budget refills continuously: 100 ms gives back about 100 KiB.
        world.advance(milliseconds: 100)
        _ = try world.putRecord(PutRecordInput(.named("s"), data: DataWorld.bytes(100_000), partitionKey: "k"), as: admin)
    }

    @Test func sixthGetRecordsInOneSecondIsThrottled() throws {
        var (world, admin) = try DataWorld.make()
        let it = try DataWorld.iterator(&world, admin)
        for _ in 0..<5 { _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin) }
        DataWorld.expectError(.provisionedThroughputExceeded) { _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin) }
        world.advance(milliseconds: 200)
        _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin)
    }

    @Test func bigReadRunsTheReadBudgetIntoDebt() throws {
        var (world, admin) = try DataWorld.make()
        // 3 MiB over four seconds (the write budget is 1 MiB/s).
        for _ in 0..<3 {
            _ = try world.putRecord(PutRecordInput(.named("s"), data: DataWorld.bytes(1_000_000), partitionKey: "k"), as: admin)
            world.advance(milliseconds: 1000)
        }
        let it = try DataWorld.iterator(&world, admin)
        #expect(try world.getRecords(GetRecordsInput(shardIterator: it), as: admin).records.count == 3)
        // 3 MB read against 2 MiB/s: the shard is in debt for about half a second.
        DataWorld.expectError(.provisionedThroughputExceeded) { _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin) }
        world.advance(milliseconds: 500)
        _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin)
    }

    @Test func limitsCanBeSwitchedOff() throws {
        var settings = WorldSettings.instant
        settings.enforceThroughputLimits = false
        var (world, admin) = try DataWorld.make(settings: settings)
        for i in 0..<5 { #expect(try world.putRecords(Self.batch(500, from: i * 500), as: admin).failedRecordCount == 0) }
        let it = try DataWorld.iterator(&world, admin)
        for _ in 0..<10 { _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin) }
    }
}
