import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct ShardListingTests {
    /// Stream `s`: 2 shards at t0; shard 0 split at t0+10 s (→ 2, 3); 3 and 1 merged at t0+20 s (→ 4).
    static func lineage() throws -> (KinesisWorld, Caller, Timestamp) {
        var (world, admin) = try ReshardingTests.world(shards: 2)
        let t0 = world.now
        world.advance(milliseconds: 10_000)
        try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: "1000"), as: admin)
        world.advance(milliseconds: 10_000)
        try world.mergeShards(MergeShardsInput(.named("s"), shardToMerge: "shardId-000000000003", adjacentShardToMerge: "shardId-000000000001"), as: admin)
        world.advance(milliseconds: 10_000)
        return (world, admin, t0)
    }

    @Test func describeStreamPagesWithHasMoreShards() throws {
        let (world, admin, _) = try Self.lineage()
        var seen: [String] = []
        var start: String?
        var pages = 0
        repeat {
            let d = try world.describeStream(DescribeStreamInput(.named("s"), limit: 2, exclusiveStartShardId: start), as: admin)
            seen += d.shards.map(\.shardId)
            start = d.hasMoreShards ? d.shards.last?.shardId : nil
            pages += 1
        } while start != nil
        #expect(seen == (0...4).map(Shard.id))
        #expect(pages == 3)
        #expect(try world.describeStream(DescribeStreamInput(.named("s")), as: admin).hasMoreShards == false)
    }

    @Test func describeStreamListsNoShardsWhileCreating() throws {
        var settings = WorldSettings.instant
        settings.creatingMilliseconds = 500
        var (world, admin) = try TestWorld.make(settings)
        try world.createStream(CreateStreamInput(streamName: "s", shardCount: 3), as: admin)
        #expect(try world.describeStream(DescribeStreamInput(.named("s")), as: admin).shards.isEmpty)
        let error = #expect(throws: KinesisError.self) { try world.listShards(ListShardsInput(.named("s")), as: admin) }
        #expect(error?.code == .resourceInUse)
        world.advance(milliseconds: 500)
        #expect(try world.describeStream(DescribeStreamInput(.named("s")), as: admin).shards.count == 3)
    }

    @Test("ShardFilter types select by lifetime", arguments: [
        // (type, shard id, seconds after t0, expected indexes)
        ("FROM_TRIM_HORIZON", nil, nil, [0, 1, 2, 3, 4]),
        ("AT_TRIM_HORIZON", nil, nil, [0, 1]),
        ("AT_LATEST", nil, nil, [2, 4]),
        ("AFTER_SHARD_ID", "shardId-000000000002", nil, [3, 4]),
        ("AT_TIMESTAMP", nil, 5, [0, 1]),
        ("AT_TIMESTAMP", nil, 15, [1, 2, 3]),
        ("AT_TIMESTAMP", nil, 20, [2, 4]),
        ("AT_TIMESTAMP", nil, -100, [0, 1]),
        ("FROM_TIMESTAMP", nil, 15, [1, 2, 3, 4]),
        ("FROM_TIMESTAMP", nil, 5, [0, 1, 2, 3, 4]),
        ("FROM_TIMESTAMP", nil, 25, [2, 4]),
    ] as [(String, String?, Int64?, [Int])])
    func shardFilters(type: String, shardId: String?, seconds: Int64?, expected: [Int]) throws {
        let (world, admin, t0) = try Self.lineage()
        let filter = ShardFilter(type: type, shardId: shardId, timestamp: seconds.map { t0.adding(milliseconds: $0 * 1000) })
        let shards = try world.listShards(ListShardsInput(.named("s"), shardFilter: filter), as: admin).shards
        #expect(shards.map(\.shardId) == expected.map(Shard.id))
    }

    @Test func closedShardsDropOutOnceTheirDataAgesOut() throws {
        var (world, admin, _) = try Self.lineage()
        // Now t0 + 24 h + 15 s: shard 0 (closed at t0 + 10 s) has aged out; 1 and 3 (closed at t0 + 20 s) have not.
        world.advance(milliseconds: 24 * 3_600_000 - 15_000)
        #expect(try world.listShards(ListShardsInput(.named("s")), as: admin).shards.map(\.shardId) == [1, 2, 3, 4].map(Shard.id))
        #expect(try world.describeStream(DescribeStreamInput(.named("s")), as: admin).shards.map(\.shardId) == [1, 2, 3, 4].map(Shard.id))
        #expect(try world.listShards(ListShardsInput(.named("s"), shardFilter: ShardFilter(type: "AT_TRIM_HORIZON")), as: admin).shards.map(\.shardId) == [1, 2, 3].map(Shard.id))
    }

    @Test func nextTokenContinuesTheListingWithItsFilterAndExpires() throws {
        var (world, admin, _) = try Self.lineage()
        let first = try world.listShards(ListShardsInput(.named("s"), maxResults: 2, shardFilter: ShardFilter(type: "FROM_TRIM_HORIZON")), as: admin)
        #expect(first.shards.map(\.shardId) == [0, 1].map(Shard.id))
        let token = try #require(first.nextToken)
        let second = try world.listShards(ListShardsInput(nextToken: token, maxResults: 2), as: admin)
        #expect(second.shards.map(\.shardId) == [2, 3].map(Shard.id))
        let third = try world.listShards(ListShardsInput(nextToken: try #require(second.nextToken), maxResults: 2), as: admin)
        #expect(third.shards.map(\.shardId) == [4].map(Shard.id))
        #expect(third.nextToken == nil)
        // A filtered listing keeps its filter across pages.
        let latest = try world.listShards(ListShardsInput(.named("s"), maxResults: 1, shardFilter: ShardFilter(type: "AT_LATEST")), as: admin)
        let rest = try world.listShards(ListShardsInput(nextToken: try #require(latest.nextToken)), as: admin)
        #expect(rest.shards.map(\.shardId) == [Shard.id(4)])
        // Reusable until it expires.
        world.advance(milliseconds: 300_000)
        #expect(try world.listShards(ListShardsInput(nextToken: token), as: admin).shards.count == 3)
        world.advance(milliseconds: 1)
        let error = #expect(throws: KinesisError.self) { try world.listShards(ListShardsInput(nextToken: token), as: admin) }
        #expect(error?.code == .expiredNextToken)
    }

    @Test("NextToken is exclusive with the stream's members", arguments: [
        (ListShardsInput(), KinesisError.Code.invalidArgument, "Either NextToken or StreamName should be provided."),
        (ListShardsInput(.named("s"), nextToken: "abc"), .invalidArgument, "NextToken and StreamName cannot be provided together."),
        (ListShardsInput(.arn(TestWorld.arn("s")), nextToken: "abc"), .invalidArgument, "NextToken and StreamName cannot be provided together."),
        (ListShardsInput(nextToken: "abc", exclusiveStartShardId: "shardId-000000000001"), .invalidArgument, "NextToken and ExclusiveStartShardId cannot be provided together."),
        (ListShardsInput(nextToken: "abc", streamCreationTimestamp: Timestamp(milliseconds: 0)), .invalidArgument, "NextToken and StreamCreationTimestamp cannot be provided together."),
        (ListShardsInput(nextToken: "not a token!"), .invalidArgument, "Invalid NextToken: not a token!"),
        (ListShardsInput(nextToken: "djF8c2hhcmRz"), .invalidArgument, "Invalid NextToken: djF8c2hhcmRz"),
        (ListShardsInput(.named("s"), shardFilter: ShardFilter(type: "AFTER_SHARD_ID")), .invalidArgument, "ShardFilter type AFTER_SHARD_ID requires a ShardId."),
        (ListShardsInput(.named("s"), shardFilter: ShardFilter(type: "AT_TIMESTAMP")), .invalidArgument, "ShardFilter type AT_TIMESTAMP requires a Timestamp."),
        (ListShardsInput(.named("s"), shardFilter: ShardFilter(type: "SIDEWAYS")), .validation, "1 validation error detected: Value 'SIDEWAYS' at 'shardFilter.type' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SHARD_ID, AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST, AT_TIMESTAMP, FROM_TIMESTAMP]"),
        (ListShardsInput(.named("s"), maxResults: 0), .validation, "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"),
        (ListShardsInput(.named("s"), streamCreationTimestamp: Timestamp(milliseconds: 1)), .resourceNotFound, "Stream s under account 111122223333 not found."),
    ])
    func listShardsRefusals(input: ListShardsInput, code: KinesisError.Code, message: String) throws {
        let (world, admin, _) = try Self.lineage()
        let error = #expect(throws: KinesisError.self) { try world.listShards(input, as: admin) }
        #expect(error?.code == code)
        #expect(error?.message == message)
    }

    @Test func exclusiveStartShardIdAndCreationTimestampNarrowTheListing() throws {
        let (world, admin, t0) = try Self.lineage()
        let shards = try world.listShards(ListShardsInput(.named("s"), exclusiveStartShardId: "shardId-000000000002",
                                                           streamCreationTimestamp: t0), as: admin).shards
        #expect(shards.map(\.shardId) == [3, 4].map(Shard.id))
        #expect(shards[1].parentShardId == Shard.id(3))
        #expect(shards[1].adjacentParentShardId == Shard.id(1))
        // MaxResults above 1000 is accepted but a page holds at most 1000.
        #expect(try world.listShards(ListShardsInput(.named("s"), maxResults: 10_000), as: admin).shards.count == 5)
    }
}
