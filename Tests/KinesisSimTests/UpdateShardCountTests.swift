import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct UpdateShardCountTests {
    @Test("UNIFORM_SCALING makes AWS's observed totals: N − T merges down; N splits and 2N − T merges up", arguments: [
        // (from, to, total shards afterwards; AWS's observed totals are the first five)
        (2, 4, 6), (4, 2, 6), (5, 3, 7), (4, 5, 15), (10, 13, 37),
        (1, 2, 3), (4, 8, 12), (8, 4, 12), (3, 6, 9), (7, 4, 10), (4, 4, 4), (13, 20, 45), (20, 11, 29),
    ])
    func uniformScaling(from: Int, to: Int, total: Int) throws {
        var (world, admin) = try ReshardingTests.world(shards: from)
        let output = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: to), as: admin)
        #expect(output == UpdateShardCountOutput(streamName: "s", streamARN: TestWorld.arn("s"), currentShardCount: from, targetShardCount: to))
        let shards = try ReshardingTests.shards(world, admin)
        #expect(shards.count == total)
        #expect(shards.map(\.shardId) == (0..<total).map(Shard.id))
        let open = shards.filter { $0.endingSequenceNumber == nil }
        #expect(open.count == to)
        #expect(ReshardingTests.coversKeySpace(open.map(\.hashKeyRange)), "open shards leave a gap or overlap")
        #expect(Self.nearEven(open.map(\.hashKeyRange)), "a boundary is more than half an even width from uniform")
        if to > from {
            #expect(shards.prefix(from).allSatisfy { $0.endingSequenceNumber != nil }, "every original shard split")
        }
        let lineage = Self.lineage(of: shards, originals: from)
        #expect(lineage.splits == (to > from ? from : 0))
        #expect(lineage.merges == (to > from ? 2 * from - to : from - to))
    }

    /// Counts splits and merges from the lineage, checking it: every child's parents are
    /// older, closed shards; a split's two children lie in their parent and together cover
    /// it; a merge's parents are adjacent and cover exactly the child's range.
    static func lineage(of shards: [ShardDescription], originals: Int,
                        sourceLocation: SourceLocation = #_sourceLocation) -> (splits: Int, merges: Int) {
        var splits = 0, merges = 0
        let byId = Dictionary(uniqueKeysWithValues: shards.map { ($0.shardId, $0) })
        var children: [String: [HashKeyRange]] = [:]
        for child in shards.dropFirst(originals) {
            guard let parent = child.parentShardId.flatMap({ byId[$0] }) else {
                Issue.record("\(child.shardId) has no parent", sourceLocation: sourceLocation)
                continue
            }
            #expect(parent.endingSequenceNumber != nil && parent.shardId < child.shardId, sourceLocation: sourceLocation)
            if let adjacentId = child.adjacentParentShardId {
                guard let adjacent = byId[adjacentId] else {
                    Issue.record("\(child.shardId)'s adjacent parent is missing", sourceLocation: sourceLocation)
                    continue
                }
                merges += 1
                #expect(adjacent.endingSequenceNumber != nil && adjacent.shardId < child.shardId, sourceLocation: sourceLocation)
                #expect(Stream.areAdjacent(parent.hashKeyRange, adjacent.hashKeyRange), sourceLocation: sourceLocation)
                #expect(HashKeyRange(start: min(parent.hashKeyRange.start, adjacent.hashKeyRange.start),
                                     end: max(parent.hashKeyRange.end, adjacent.hashKeyRange.end)) == child.hashKeyRange,
                        sourceLocation: sourceLocation)
            } else {
                children[parent.shardId, default: []].append(child.hashKeyRange)
            }
        }
        for (parentId, ranges) in children {
            splits += 1
            #expect(ranges.count == 2, "\(parentId) has \(ranges.count) split children", sourceLocation: sourceLocation)
            let sorted = ranges.sorted { $0.start < $1.start }
            if sorted.count == 2, let parent = byId[parentId] {
                #expect(sorted[0].start == parent.hashKeyRange.start && sorted[1].end == parent.hashKeyRange.end
                        && sorted[0].end + 1 == sorted[1].start, sourceLocation: sourceLocation)
            }
        }
        return (splits, merges)
    }

    /// Whether each range begins within half an even width of where the even ranges would.
    static func nearEven(_ ranges: [HashKeyRange]) -> Bool {
        let even = HashKeyRange.even(count: ranges.count)
        let half = even[0].end / 2
        let starts = ranges.map(\.start).sorted()
        return zip(starts, even.map(\.start)).allSatisfy { $0 > $1 ? $0 - $1 <= half : $1 - $0 <= half }
    }

    @Test("Where the counts allow it, the ranges are exactly even", arguments: [(2, 4), (4, 2), (4, 5), (1, 2), (4, 8), (8, 4), (4, 4)])
    func exactlyEven(from: Int, to: Int) throws {
        var (world, admin) = try ReshardingTests.world(shards: from)
        _ = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: to), as: admin)
        let open = try ReshardingTests.shards(world, admin).filter { $0.endingSequenceNumber == nil }
        #expect(open.map(\.hashKeyRange).sorted { $0.start < $1.start } == HashKeyRange.even(count: to))
    }

    @Test func fiveToThreeMergesTwoPairsAndLeavesTheMiddleShard() throws {
        var (world, admin) = try ReshardingTests.world(shards: 5)
        _ = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 3), as: admin)
        let shards = try ReshardingTests.shards(world, admin)
        let fifths = HashKeyRange.even(count: 5)
        // As uniform as two merges allow: two fifths, one fifth, two fifths.
        #expect(shards.filter { $0.endingSequenceNumber == nil }.map(\.hashKeyRange) == [
            fifths[2], HashKeyRange(start: 0, end: fifths[1].end), HashKeyRange(start: fifths[3].start, end: .max),
        ])
        #expect(shards.dropFirst(5).map { [$0.parentShardId, $0.adjacentParentShardId] }
                == [[Shard.id(0), Shard.id(1)], [Shard.id(3), Shard.id(4)]])
    }

    @Test func tenToThirteenMovesTwoBoundariesToOldOnes() throws {
        var (world, admin) = try ReshardingTests.world(shards: 10)
        _ = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 13), as: admin)
        let open = try ReshardingTests.shards(world, admin).filter { $0.endingSequenceNumber == nil }
        let starts = open.map(\.hashKeyRange.start).sorted()
        let tenths = HashKeyRange.even(count: 10).map(\.start)
        var expected = HashKeyRange.even(count: 13).map(\.start)
        // Old shards 3 and 6 each hold two even boundaries; one split each cannot make both, so
        // 4/13 moves down to 3/10 and 9/13 up to 7/10 (the nearer old boundary each time).
        expected[4] = tenths[3]
        expected[9] = tenths[7]
        #expect(starts == expected)
        // Widths then range from 0.9 to 1.1 times the even width.
        let even = Double(HashKeyRange.even(count: 13)[0].end)
        let widths = open.map { Double($0.hashKeyRange.end - $0.hashKeyRange.start) / even }
        #expect(widths.allSatisfy { $0 > 0.89 && $0 < 1.11 })
        #expect(widths.filter { abs($0 - 1) > 0.01 }.count == 4)
    }

    @Test func scalingAfterManualSplitsStillEndsUniform() throws {
        var (world, admin) = try ReshardingTests.world(shards: 2)
        try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: "12345"), as: admin)
        _ = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 5), as: admin)
        let shards = try ReshardingTests.shards(world, admin)
        let open = shards.filter { $0.endingSequenceNumber == nil }
        // One split per shard cannot get near uniform from a shard of 12,345 keys: the exact
        // even ranges are made instead, with a longer lineage.
        #expect(open.map(\.hashKeyRange).sorted { $0.start < $1.start } == HashKeyRange.even(count: 5))
        _ = Self.lineage(of: shards, originals: 2)
    }

    @Test func scalingDownAfterManualSplitsMergesAtTheNearestOldBoundaries() throws {
        var (world, admin) = try ReshardingTests.world(shards: 2)
        try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: "12345"), as: admin)
        _ = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 2), as: admin)
        let shards = try ReshardingTests.shards(world, admin)
        #expect(shards.count == 5)
        #expect(shards.filter { $0.endingSequenceNumber == nil }.map(\.hashKeyRange) == [
            HashKeyRange.even(count: 2)[1], HashKeyRange.even(count: 2)[0],
        ])
    }

    @Test("Targets outside half … double, or past 10,000, are LimitExceeded", arguments: [
        (4, 9, "UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: 4, Target shard count: 9"),
        (4, 1, "UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: 4, Target shard count: 1"),
        (10, 3, "UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: 10, Target shard count: 3"),
        (4, 10_001, "Target shard count or number of open shards cannot be greater than 10000. Current open shard count: 4, Target shard count: 10001"),
    ])
    func scalingBounds(from: Int, to: Int, message: String) throws {
        var (world, admin) = try ReshardingTests.world(shards: from)
        let error = #expect(throws: KinesisError.self) {
            try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: to), as: admin)
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.message == message)
    }

    @Test func boundsThemselvesAreAllowed() throws {
        var (world, admin) = try ReshardingTests.world(shards: 4)
        #expect(try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 8), as: admin).targetShardCount == 8)
        #expect(try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 4), as: admin).currentShardCount == 8)
    }

    @Test func tenScalingsPerRolling24Hours() throws {
        var (world, admin) = try ReshardingTests.world(shards: 2)
        for i in 0..<10 {
            _ = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: i % 2 == 0 ? 3 : 2), as: admin)
            world.advance(milliseconds: 60_000)
        }
        let error = #expect(throws: KinesisError.self) {
            try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 3), as: admin)
        }
        #expect(error?.code == .limitExceeded)
        // The first scaling leaves the window 24 hours after it was made.
        world.advance(milliseconds: 86_400_000 - 10 * 60_000)
        _ = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 3), as: admin)
    }

    @Test func accountShardLimitBoundsTheTarget() throws {
        var settings = WorldSettings.instant
        settings.shardLimit = 5
        var (world, admin) = try ReshardingTests.world(shards: 3, settings)
        let error = #expect(throws: KinesisError.self) {
            try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 6), as: admin)
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.message.contains("Current shard count for the account: 3. Limit: 5. Number of additional shards that would have resulted from this request: 3.") == true)
        _ = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 5), as: admin)
    }

    @Test func onDemandStreamIsAValidationException() throws {
        var (world, admin) = try TestWorld.make()
        try world.createStream(CreateStreamInput(streamName: "od", streamMode: "ON_DEMAND"), as: admin)
        let error = #expect(throws: KinesisError.self) {
            try world.updateShardCount(UpdateShardCountInput(.named("od"), targetShardCount: 5), as: admin)
        }
        #expect(error?.code == .validation)
        #expect(error?.message == "Request is invalid. Stream od under account 111122223333 is in On-Demand mode.")
    }

    @Test("Model constraints on UpdateShardCount", arguments: [
        (Optional<Int>.none, Optional("UNIFORM_SCALING"), "Value null at 'targetShardCount' failed to satisfy constraint: Member must not be null"),
        (0, "UNIFORM_SCALING", "Value '0' at 'targetShardCount' failed to satisfy constraint: Member must have value greater than or equal to 1"),
        (2, "PERFECT_SCALING", "Value 'PERFECT_SCALING' at 'scalingType' failed to satisfy constraint: Member must satisfy enum value set: [UNIFORM_SCALING]"),
        (2, nil, "Value null at 'scalingType' failed to satisfy constraint: Member must not be null"),
    ])
    func updateShardCountValidation(target: Int?, scaling: String?, message: String) throws {
        var (world, admin) = try ReshardingTests.world(shards: 1)
        let error = #expect(throws: KinesisError.self) {
            try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: target, scalingType: scaling), as: admin)
        }
        #expect(error?.code == .validation)
        #expect(error?.message == "1 validation error detected: " + message)
    }

    static let reshardingOperator = #"""
    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
      "Action":["kinesis:SplitShard","kinesis:MergeShards","kinesis:DescribeStreamSummary","kinesis:ListShards","kinesis:UpdateShardCount"],
      "Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/s"}]}
    """#

    @Test func reshardingOperatorSplitsAndMergesButCannotUpdateShardCountOnTheStreamARN() throws {
        var (world, _) = try ReshardingTests.world(shards: 2)
        let op = try TestWorld.user("operator", policy: Self.reshardingOperator, in: &world)
        try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: "1000"), as: op)
        try world.mergeShards(MergeShardsInput(.named("s"), shardToMerge: "shardId-000000000002", adjacentShardToMerge: "shardId-000000000003"), as: op)
        #expect(try world.listShards(ListShardsInput(.named("s"), shardFilter: ShardFilter(type: "AT_LATEST")), as: op).shards.count == 2)
        // The statement names kinesis:UpdateShardCount, but on the stream ARN: it never matches `*`.
        let error = #expect(throws: KinesisError.self) {
            try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 4), as: op)
        }
        #expect(error?.code == .accessDenied)
        #expect(error?.message == "User: arn:aws:iam::111122223333:user/operator is not authorized to perform: kinesis:UpdateShardCount on resource: * because no identity-based policy allows the kinesis:UpdateShardCount action")
    }

    @Test func aStatementOnStarGrantsUpdateShardCount() throws {
        var (world, _) = try ReshardingTests.world(shards: 2)
        let op = try TestWorld.user("operator", policy: #"""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["kinesis:SplitShard","kinesis:MergeShards"],"Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/s"},
          {"Effect":"Allow","Action":"kinesis:UpdateShardCount","Resource":"*"}]}
        """#, in: &world)
        #expect(try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 4), as: op).currentShardCount == 2)
    }

    @Test func withoutAnyGrantSplittingIsDeniedOnTheStreamARN() throws {
        var (world, _) = try ReshardingTests.world(shards: 2)
        let reader = try TestWorld.user("reader", policy: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:ListShards","Resource":"*"}]}"#, in: &world)
        let error = #expect(throws: KinesisError.self) {
            try world.splitShard(SplitShardInput(.named("nope"), shardToSplit: "shardId-000000000000", newStartingHashKey: "1000"), as: reader)
        }
        // Denied before existence is checked: the caller cannot learn that `nope` does not exist.
        #expect(error?.code == .accessDenied)
        #expect(error?.message.contains("kinesis:SplitShard on resource: arn:aws:kinesis:us-east-1:111122223333:stream/nope") == true)
    }
}
