import Testing
import IAMPolicy
@testable import KinesisSim

/// Records survive resharding: parents keep their data and end with ChildShards; new writes
/// go only to the children.
@Suite struct ReshardingDataFlowTests {
    static func readAll(_ world: inout KinesisWorld, shard: String, as caller: Caller) throws -> (records: [Record], last: GetRecordsOutput) {
        var iterator = try world.getShardIterator(
            GetShardIteratorInput(.named("orders"), shardId: shard, shardIteratorType: "TRIM_HORIZON"), as: caller).shardIterator
        var records: [Record] = []
        for _ in 0..<100 {
            let page = try world.getRecords(GetRecordsInput(shardIterator: iterator), as: caller)
            records += page.records
            guard let next = page.nextShardIterator else { return (records, page) }
            if page.records.isEmpty && page.millisBehindLatest == 0 { return (records, page) }
            iterator = next
        }
        Issue.record("shard \(shard) never ended")
        return (records, try world.getRecords(GetRecordsInput(shardIterator: iterator), as: caller))
    }

    @Test func splitParentEndsWithChildShardsAndChildrenTakeNewWrites() throws {
        var (world, admin) = try TestWorld.make()
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: admin)
        for i in 0..<10 {
            _ = try world.putRecord(PutRecordInput(.named("orders"), data: Array("before-\(i)".utf8), partitionKey: "k\(i)"), as: admin)
        }
        let middle = String(UInt128.max / 2 + 1)
        try world.splitShard(SplitShardInput(.named("orders"), shardToSplit: "shardId-000000000000", newStartingHashKey: middle), as: admin)
        for i in 0..<20 {
            let out = try world.putRecord(PutRecordInput(.named("orders"), data: Array("after-\(i)".utf8), partitionKey: "k\(i)"), as: admin)
            #expect(out.shardId != "shardId-000000000000", "a closed shard takes no writes")
        }
        let parent = try Self.readAll(&world, shard: "shardId-000000000000", as: admin)
        #expect(parent.records.map { String(decoding: $0.data, as: UTF8.self) } == (0..<10).map { "before-\($0)" })
        #expect(parent.last.nextShardIterator == nil)
        #expect(parent.last.childShards?.map(\.shardId).sorted() == ["shardId-000000000001", "shardId-000000000002"])
        let lower = try Self.readAll(&world, shard: "shardId-000000000001", as: admin).records
        let upper = try Self.readAll(&world, shard: "shardId-000000000002", as: admin).records
        #expect(lower.count + upper.count == 20)
        // The parent's ending sequence number is at or above everything it holds.
        let stream = try world.describeStream(DescribeStreamInput(.named("orders")), as: admin)
        let ending = try #require(stream.shards.first?.endingSequenceNumber)
        let lastParent = try #require(parent.records.last?.sequenceNumber)
        #expect(try #require(SequenceNumber(ending)) >= (try #require(SequenceNumber(lastParent))))
    }

    @Test func mergedChildNamesBothParents() throws {
        var (world, admin) = try TestWorld.make()
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 2), as: admin)
        _ = try world.putRecord(PutRecordInput(.named("orders"), data: [1], partitionKey: "a"), as: admin)
        try world.mergeShards(MergeShardsInput(.named("orders"), shardToMerge: "shardId-000000000000",
                                               adjacentShardToMerge: "shardId-000000000001"), as: admin)
        for shard in ["shardId-000000000000", "shardId-000000000001"] {
            let end = try Self.readAll(&world, shard: shard, as: admin).last
            #expect(end.childShards?.first?.shardId == "shardId-000000000002")
            #expect(end.childShards?.first?.parentShards.sorted() == ["shardId-000000000000", "shardId-000000000001"])
        }
        let out = try world.putRecord(PutRecordInput(.named("orders"), data: [2], partitionKey: "a"), as: admin)
        #expect(out.shardId == "shardId-000000000002")
    }
}
