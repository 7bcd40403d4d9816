import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct ReshardingTests {
    static let max = "340282366920938463463374607431768211455"

    /// A world with stream `s` of `shards` even shards, ACTIVE.
    static func world(shards: Int, _ settings: WorldSettings = .instant) throws -> (KinesisWorld, Caller) {
        var (world, admin) = try TestWorld.make(settings)
        try world.createStream(CreateStreamInput(streamName: "s", shardCount: shards), as: admin)
        world.advance(milliseconds: settings.creatingMilliseconds)
        return (world, admin)
    }

    static func shards(_ world: KinesisWorld, _ caller: Caller) throws -> [ShardDescription] {
        try world.describeStream(DescribeStreamInput(.named("s"), limit: 10_000), as: caller).shards
    }

    @Test("NewStartingHashKey must be above start + 1 and below the end", arguments: [
        // (one-shard stream's key, accepted)
        ("0", false), ("1", false), ("2", true),
        ("170141183460469231731687303715884105728", true),
        ("340282366920938463463374607431768211454", true),
        (max, false),
        ("340282366920938463463374607431768211456", false), // 2^128: does not fit
        ("999999999999999999999999999999999999999", false),
    ])
    func splitKeyBounds(key: String, accepted: Bool) throws {
        var (world, admin) = try Self.world(shards: 1)
        let input = SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: key)
        if accepted {
            try world.splitShard(input, as: admin)
            let shards = try Self.shards(world, admin)
            #expect(shards.map(\.shardId) == ["shardId-000000000000", "shardId-000000000001", "shardId-000000000002"])
            #expect(shards[1].startingHashKey == "0")
            #expect(shards[1].hashKeyRange.end == UInt128(key).map { $0 - 1 })
            #expect(shards[2].startingHashKey == key)
            #expect(shards[2].endingHashKey == Self.max)
        } else {
            let error = #expect(throws: KinesisError.self) { try world.splitShard(input, as: admin) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message == "NewStartingHashKey \(key) used in SplitShard() on shard shardId-000000000000 in stream s under account 111122223333 is not both greater than one plus the shard's StartingHashKey 0 and less than the shard's EndingHashKey \(Self.max).")
        }
    }

    @Test("Model constraints on SplitShard and MergeShards are ValidationExceptions", arguments: [
        ("01", "Value '01' at 'newStartingHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})"),
        ("-5", "Value '-5' at 'newStartingHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})"),
        ("1234567890123456789012345678901234567890", "Member must satisfy regular expression pattern"),
    ])
    func splitKeyPattern(key: String, message: String) throws {
        var (world, admin) = try Self.world(shards: 1)
        let error = #expect(throws: KinesisError.self) {
            try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: key), as: admin)
        }
        #expect(error?.code == .validation)
        #expect(error?.message.contains(message) == true)
    }

    @Test func missingMembersAreValidationExceptions() throws {
        var (world, admin) = try Self.world(shards: 2)
        let split = #expect(throws: KinesisError.self) {
            try world.splitShard(SplitShardInput(.named("s"), shardToSplit: nil, newStartingHashKey: nil), as: admin)
        }
        #expect(split?.message == "2 validation errors detected: Value null at 'shardToSplit' failed to satisfy constraint: Member must not be null; Value null at 'newStartingHashKey' failed to satisfy constraint: Member must not be null")
        let merge = #expect(throws: KinesisError.self) {
            try world.mergeShards(MergeShardsInput(.named("s"), shardToMerge: "shardId-000000000000", adjacentShardToMerge: nil), as: admin)
        }
        #expect(merge?.code == .validation)
    }

    @Test func splitClosesParentAndAppendsChildrenWithLineage() throws {
        var (world, admin) = try Self.world(shards: 2)
        let before = world.now
        world.advance(milliseconds: 5_000)
        let upper = HashKeyRange.even(count: 2)[1]
        let key = upper.start + (upper.end - upper.start) / 2
        try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000001", newStartingHashKey: String(key)), as: admin)
        let shards = try Self.shards(world, admin)
        #expect(shards.map(\.shardId) == (0...3).map(Shard.id))
        #expect(shards.map(\.parentShardId) == [nil, nil, "shardId-000000000001", "shardId-000000000001"])
        #expect(shards.map(\.adjacentParentShardId) == [nil, nil, nil, nil])
        #expect(shards[2].hashKeyRange == HashKeyRange(start: upper.start, end: key - 1))
        #expect(shards[3].hashKeyRange == HashKeyRange(start: key, end: .max))
        #expect(shards[1].hashKeyRange == upper, "a closed parent keeps its range")
        #expect(shards.map { $0.endingSequenceNumber != nil } == [false, true, false, false])
        let stream = try #require(world.stream(StreamRef(account: TestWorld.account, region: TestWorld.region, name: "s")))
        #expect(stream.shards[1].closedAt == before.adding(milliseconds: 5_000))
        #expect(stream.shards[2].createdAt == world.now)
        #expect(stream.openShards.map(\.index) == [0, 2, 3])
    }

    @Test func mergeMakesOneChildOverBothRanges() throws {
        var (world, admin) = try Self.world(shards: 3)
        // Either order is adjacent; the child names ShardToMerge first.
        try world.mergeShards(MergeShardsInput(.named("s"), shardToMerge: "shardId-000000000002",
                                               adjacentShardToMerge: "shardId-000000000001"), as: admin)
        let shards = try Self.shards(world, admin)
        #expect(shards.count == 4)
        #expect(shards[3].shardId == "shardId-000000000003")
        #expect(shards[3].parentShardId == "shardId-000000000002")
        #expect(shards[3].adjacentParentShardId == "shardId-000000000001")
        #expect(shards[3].startingHashKey == "113427455640312821154458202477256070485")
        #expect(shards[3].endingHashKey == Self.max)
        #expect(shards.filter { $0.endingSequenceNumber == nil }.map(\.shardId) == ["shardId-000000000000", "shardId-000000000003"])
    }

    @Test("Merging needs two open shards whose ranges touch", arguments: [
        ("shardId-000000000000", "shardId-000000000004", KinesisError.Code.invalidArgument,
         "Shards shardId-000000000000 and shardId-000000000004 in stream s under account 111122223333 are not an adjacent pair of shards eligible for merging"),
        ("shardId-000000000001", "shardId-000000000001", .invalidArgument,
         "Shards shardId-000000000001 and shardId-000000000001 in stream s under account 111122223333 are not an adjacent pair of shards eligible for merging"),
        ("shardId-000000000000", "shardId-000000000009", .resourceNotFound,
         "Could not find shard shardId-000000000009 in stream s under account 111122223333."),
        ("shardId-000000000003", "shardId-000000000002", .invalidArgument,
         "Shard shardId-000000000003 in stream s under account 111122223333 has already been merged or split, and thus is not eligible for merging or splitting."),
    ])
    func mergeRefusals(first: String, second: String, code: KinesisError.Code, message: String) throws {
        var (world, admin) = try Self.world(shards: 4)
        try world.mergeShards(MergeShardsInput(.named("s"), shardToMerge: "shardId-000000000003", adjacentShardToMerge: "shardId-000000000002"), as: admin)
        // Now 0, 1 open; 2, 3 closed; 4 = [2, 3] open. 0 and 4 do not touch.
        let error = #expect(throws: KinesisError.self) {
            try world.mergeShards(MergeShardsInput(.named("s"), shardToMerge: first, adjacentShardToMerge: second), as: admin)
        }
        #expect(error?.code == code)
        #expect(error?.message == message)
    }

    @Test func closedOrUnknownShardCannotBeSplit() throws {
        var (world, admin) = try Self.world(shards: 1)
        try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: "1000"), as: admin)
        let closed = #expect(throws: KinesisError.self) {
            try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: "500"), as: admin)
        }
        #expect(closed?.code == .invalidArgument)
        #expect(closed?.message == "Shard shardId-000000000000 in stream s under account 111122223333 has already been merged or split, and thus is not eligible for merging or splitting.")
        for unknown in ["shardId-000000000003", "shard-1", "shardId-0"] {
            let error = #expect(throws: KinesisError.self) {
                try world.splitShard(SplitShardInput(.named("s"), shardToSplit: unknown, newStartingHashKey: "500"), as: admin)
            }
            #expect(error?.code == .resourceNotFound)
            #expect(error?.message == "Could not find shard \(unknown) in stream s under account 111122223333.")
        }
    }

    @Test func topOfKeySpaceStaysCoveredAfterSplitsAndMerges() throws {
        var (world, admin) = try Self.world(shards: 2)
        let almostMax = UInt128.max - 1
        try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000001", newStartingHashKey: String(almostMax)), as: admin)
        var shards = try Self.shards(world, admin).filter { $0.endingSequenceNumber == nil }
        #expect(shards.last?.hashKeyRange == HashKeyRange(start: almostMax, end: .max))
        try world.mergeShards(MergeShardsInput(.named("s"), shardToMerge: "shardId-000000000003", adjacentShardToMerge: "shardId-000000000002"), as: admin)
        shards = try Self.shards(world, admin).filter { $0.endingSequenceNumber == nil }
        #expect(shards.map(\.hashKeyRange) == HashKeyRange.even(count: 2))
        #expect(Self.coversKeySpace(shards.map(\.hashKeyRange)))
    }

    /// Whether ranges, sorted, tile 0 … 2^128 − 1 without gaps or overlaps.
    static func coversKeySpace(_ ranges: [HashKeyRange]) -> Bool {
        let sorted = ranges.sorted { $0.start < $1.start }
        guard sorted.first?.start == 0, sorted.last?.end == .max else { return false }
        return zip(sorted, sorted.dropFirst()).allSatisfy { $0.end < .max && $0.end + 1 == $1.start }
    }

    @Test func reshardingWhileUpdatingIsResourceInUseUntilTheClockMoves() throws {
        var settings = WorldSettings.instant
        settings.updatingMilliseconds = 1_000
        var (world, admin) = try Self.world(shards: 2, settings)
        try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: "1000"), as: admin)
        #expect(try world.describeStream(DescribeStreamInput(.named("s")), as: admin).streamStatus == .updating)
        for change in 0..<4 {
            let error = #expect(throws: KinesisError.self) { try Self.change(change, in: &world, as: admin) }
            #expect(error?.code == .resourceInUse)
            #expect(error?.message == "Stream s under account 111122223333 not ACTIVE, instead in state UPDATING")
        }
        world.advance(milliseconds: 999)
        #expect(throws: KinesisError.self) { try Self.change(1, in: &world, as: admin) }
        world.advance(milliseconds: 1)
        try Self.change(1, in: &world, as: admin)
        #expect(try world.describeStream(DescribeStreamInput(.named("s")), as: admin).streamStatus == .updating)
        world.advance(milliseconds: 1_000)
        #expect(try world.describeStream(DescribeStreamInput(.named("s")), as: admin).streamStatus == .active)
    }

    /// One of the control-plane changes that need an ACTIVE stream.
    static func change(_ which: Int, in world: inout KinesisWorld, as admin: Caller) throws {
        switch which {
        case 0: try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000003", newStartingHashKey: "1000000"), as: admin)
        case 1: try world.mergeShards(MergeShardsInput(.named("s"), shardToMerge: "shardId-000000000002", adjacentShardToMerge: "shardId-000000000003"), as: admin)
        case 2: _ = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 4), as: admin)
        default: try world.updateStreamMode(UpdateStreamModeInput(streamARN: TestWorld.arn("s"), streamMode: "ON_DEMAND"), as: admin)
        }
    }

    @Test func splitBeyondTheAccountShardLimitIsLimitExceeded() throws {
        var settings = WorldSettings.instant
        settings.shardLimit = 2
        var (world, admin) = try Self.world(shards: 2, settings)
        let error = #expect(throws: KinesisError.self) {
            try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: "1000"), as: admin)
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.message.hasPrefix("This request would exceed the shard limit for the account 111122223333 in us-east-1. Current shard count for the account: 2. Limit: 2.") == true)
    }
}
