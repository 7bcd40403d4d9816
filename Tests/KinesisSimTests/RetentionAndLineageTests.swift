import Testing
@testable import KinesisSim

@Suite struct RetentionAndLineageTests {
    @Test func recordsPastRetentionAreSkippedAndTrimHorizonMovesOn() throws {
        var (world, admin) = try DataWorld.make()
        try DataWorld.put(&world, admin, key: "k", data: "old")
        let oldIterator = try DataWorld.iterator(&world, admin)
        world.advance(milliseconds: 12 * 3_600_000)
        try DataWorld.put(&world, admin, key: "k", data: "new")
        world.advance(milliseconds: 12 * 3_600_000 + 1)  // "old" is now 24 h + 1 ms old
        let it = try DataWorld.iterator(&world, admin)
        let records = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin).records
        #expect(records.map { String(decoding: $0.data, as: UTF8.self) } == ["new"])
        // AT_TIMESTAMP before the trim horizon behaves like TRIM_HORIZON.
        let atTime = try DataWorld.iterator(&world, admin, type: "AT_TIMESTAMP", timestamp: DataWorld.start)
        #expect(try world.getRecords(GetRecordsInput(shardIterator: atTime), as: admin).records.count == 1)
        // An iterator that pointed at the trimmed record has long expired.
        DataWorld.expectError(.expiredIterator) { _ = try world.getRecords(GetRecordsInput(shardIterator: oldIterator), as: admin) }
    }

    @Test func trimmedPositionsInAFreshIteratorSkipToTheFirstReadableRecord() throws {
        var settings = WorldSettings.instant
        settings.enforceThroughputLimits = false
        var (world, admin) = try DataWorld.make(settings: settings)
        // Enough records that trimming compacts the log (positions shift).
        let batch = PutRecordsInput(.named("s"), records: (0..<500).map { PutRecordsRequestEntry(data: [UInt8($0 % 251)], partitionKey: "k") })
        for _ in 0..<10 { _ = try world.putRecords(batch, as: admin) }
        let first = try world.putRecord(PutRecordInput(.named("s"), data: [1], partitionKey: "k"), as: admin)
        world.advance(milliseconds: 3_600_000)
        let kept = try world.putRecord(PutRecordInput(.named("s"), data: [2], partitionKey: "k"), as: admin)
        world.advance(milliseconds: 23 * 3_600_000 + 1)
        #expect(DataWorld.stream(world)?.shards[0].records.count == 1)
        let it = try DataWorld.iterator(&world, admin)
        #expect(try world.getRecords(GetRecordsInput(shardIterator: it), as: admin).records.map(\.sequenceNumber) == [kept.sequenceNumber])
        // A trimmed record's number still names a place in the shard: reading starts after it.
        let at = try DataWorld.iterator(&world, admin, type: "AT_SEQUENCE_NUMBER", sequenceNumber: first.sequenceNumber)
        #expect(try world.getRecords(GetRecordsInput(shardIterator: at), as: admin).records.map(\.sequenceNumber) == [kept.sequenceNumber])
    }

    /// Closes shard 0 of a one-shard stream and adds two children, as SplitShard does.
    static func split(_ world: inout KinesisWorld) {
        let now = world.now
        let halves = HashKeyRange.even(count: 2)
        world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.shards[0].closedAt = now
        for (i, r) in halves.enumerated() {
            world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.shards
                .append(Shard(index: i + 1, hashKeyRange: r, createdAt: now, parentIndex: 0))
        }
    }

    @Test func readingAClosedShardEndsWithChildShardsAndNoNextIterator() throws {
        var (world, admin) = try DataWorld.make()
        let a = try DataWorld.put(&world, admin, key: "k", data: "a")
        let b = try DataWorld.put(&world, admin, key: "k", data: "b")
        world.advance(milliseconds: 10)
        Self.split(&world)
        let s = try #require(DataWorld.stream(world))
        let ending = try #require(s.endingSequenceNumber(ofShard: 0)).description
        #expect(DataWorld.bigLess(a.sequenceNumber, b.sequenceNumber))
        #expect(DataWorld.bigLess(b.sequenceNumber, ending))
        let later = try DataWorld.put(&world, admin, key: "k", data: "c")
        #expect(later.shardId != "shardId-000000000000")
        #expect(DataWorld.bigLess(ending, later.sequenceNumber))

        let it = try DataWorld.iterator(&world, admin)
        let first = try world.getRecords(GetRecordsInput(shardIterator: it, limit: 1), as: admin)
        #expect(first.nextShardIterator != nil && first.childShards == nil)
        let last = try world.getRecords(GetRecordsInput(shardIterator: try #require(first.nextShardIterator)), as: admin)
        #expect(last.records.map(\.sequenceNumber) == [b.sequenceNumber])
        #expect(last.nextShardIterator == nil)
        let children = try #require(last.childShards)
        #expect(children.map(\.shardId) == ["shardId-000000000001", "shardId-000000000002"])
        #expect(children.allSatisfy { $0.parentShards == ["shardId-000000000000"] })
        #expect(children.map(\.hashKeyRange) == HashKeyRange.even(count: 2))
        // AFTER the ending number: nothing left, and still the children.
        let after = try DataWorld.iterator(&world, admin, type: "AFTER_SEQUENCE_NUMBER", sequenceNumber: ending)
        let end = try world.getRecords(GetRecordsInput(shardIterator: after), as: admin)
        #expect(end.records.isEmpty && end.nextShardIterator == nil && end.childShards?.count == 2)
    }

    @Test func mergedParentsReportTheirOneChildWithBothParents() throws {
        var (world, admin) = try DataWorld.make(shards: 2)
        let now = world.now
        world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.shards[0].closedAt = now
        world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.shards[1].closedAt = now
        world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.shards
            .append(Shard(index: 2, hashKeyRange: .all, createdAt: now, parentIndex: 0, adjacentParentIndex: 1))
        let it = try DataWorld.iterator(&world, admin, shard: "shardId-000000000001")
        let out = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin)
        #expect(out.childShards == [ChildShard(shardId: "shardId-000000000002", parentShards: ["shardId-000000000000", "shardId-000000000001"], hashKeyRange: .all)])
    }
}
