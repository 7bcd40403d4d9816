import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct UpdateShardCountTests {
    @Test("UNIFORM_SCALING leaves exactly the even ranges of the target, with every old shard closed", arguments: [
        // (from, to, total shards afterwards here, AWS's observed total where the spec has one)
        (2, 4, 6, Optional(6)), (4, 2, 6, 6), (4, 5, 15, 15),
        // AWS's 7 and 37 need fewer splits than uniform ranges do (total = 2N − T + 3·splits).
        (5, 3, 13, 7), (10, 13, 43, 37),
        // 3 → 6: floor(2^128/3) boundaries are not floor(2^128/6) ones, so all five are new.
        (1, 2, 3, nil), (4, 8, 12, nil), (3, 6, 15, nil), (7, 4, 19, nil),
    ])
    func uniformScaling(from: Int, to: Int, total: Int, awsTotal: Int?) throws {
        var (world, admin) = try ReshardingTests.world(shards: from)
        let output = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: to), as: admin)
        #expect(output == UpdateShardCountOutput(streamName: "s", streamARN: TestWorld.arn("s"), currentShardCount: from, targetShardCount: to))
        let shards = try ReshardingTests.shards(world, admin)
        #expect(shards.count == total)
        let open = shards.filter { $0.endingSequenceNumber == nil }
        #expect(open.map(\.hashKeyRange).sorted { $0.start < $1.start } == HashKeyRange.even(count: to))
        #expect(shards.prefix(from).allSatisfy { $0.endingSequenceNumber != nil }, "every original shard closed")
        #expect(shards.map(\.shardId) == (0..<total).map(Shard.id))
        // Every child's parents are older shards, closed, and cover exactly the child's range.
        for child in shards.dropFirst(from) {
            let parents = [child.parentShardId, child.adjacentParentShardId].compactMap { $0 }
            let ranges = parents.compactMap { id in shards.first { $0.shardId == id } }
            #expect(ranges.allSatisfy { $0.endingSequenceNumber != nil && $0.shardId < child.shardId })
            if parents.count == 2 {
                #expect(HashKeyRange(start: ranges.map(\.hashKeyRange.start).min() ?? 0, end: ranges.map(\.hashKeyRange.end).max() ?? 0) == child.hashKeyRange)
            } else {
                #expect(parents.count == 1)
                #expect(ranges.first.map { $0.hashKeyRange.start <= child.hashKeyRange.start && child.hashKeyRange.end <= $0.hashKeyRange.end } == true)
            }
        }
    }

    @Test func scalingAfterManualSplitsStillEndsUniform() throws {
        var (world, admin) = try ReshardingTests.world(shards: 2)
        try world.splitShard(SplitShardInput(.named("s"), shardToSplit: "shardId-000000000000", newStartingHashKey: "12345"), as: admin)
        _ = try world.updateShardCount(UpdateShardCountInput(.named("s"), targetShardCount: 5), as: admin)
        let open = try ReshardingTests.shards(world, admin).filter { $0.endingSequenceNumber == nil }
        #expect(open.map(\.hashKeyRange).sorted { $0.start < $1.start } == HashKeyRange.even(count: 5))
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
