import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct StreamListingTests {
    @Test func listStreamsPagesSortedNamesOfTheCallersAccountAndRegion() throws {
        var (world, admin) = try TestWorld.make()
        for name in ["delta", "alpha", "echo", "charlie", "bravo"] {
            try world.createStream(CreateStreamInput(streamName: name, shardCount: 1), as: admin)
        }
        try world.createStream(CreateStreamInput(streamName: "west", shardCount: 1), as: admin.inRegion("us-west-2"))
        try world.addUser(IAMUser(name: "admin", account: TestWorld.other, policies: [NamedPolicy(name: "a", text: TestWorld.adminPolicy)]), account: TestWorld.other)
        let other = try #require(world.caller(user: "admin", account: TestWorld.other))
        try world.createStream(CreateStreamInput(streamName: "aaa-other", shardCount: 1), as: other)

        let first = try world.listStreams(ListStreamsInput(limit: 2), as: admin)
        #expect(first.streamNames == ["alpha", "bravo"])
        #expect(first.hasMoreStreams)
        #expect(first.streamSummaries.map(\.streamARN) == [TestWorld.arn("alpha"), TestWorld.arn("bravo")])
        let second = try world.listStreams(ListStreamsInput(limit: 2, nextToken: try #require(first.nextToken)), as: admin)
        #expect(second.streamNames == ["charlie", "delta"])
        let third = try world.listStreams(ListStreamsInput(exclusiveStartStreamName: "delta"), as: admin)
        #expect(third.streamNames == ["echo"])
        #expect(!third.hasMoreStreams && third.nextToken == nil)
        #expect(try world.listStreams(as: admin.inRegion("us-west-2")).streamNames == ["west"])
        #expect(try world.listStreams(as: other).streamNames == ["aaa-other"])
        // Another account's token is not ours.
        let error = #expect(throws: KinesisError.self) {
            try world.listStreams(ListStreamsInput(nextToken: try #require(first.nextToken)), as: other)
        }
        #expect(error?.code == .invalidArgument)
        world.advance(milliseconds: 300_001)
        let expired = #expect(throws: KinesisError.self) {
            try world.listStreams(ListStreamsInput(nextToken: try #require(first.nextToken)), as: admin)
        }
        #expect(expired?.code == .expiredNextToken)
    }

    @Test func listStreamsAndDescribeLimitsAreAuthorizedOnStar() throws {
        var (world, _) = try TestWorld.make()
        let arnOnly = try TestWorld.user("arn-only", policy: #"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kinesis:ListStreams","kinesis:DescribeLimits"],"Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/*"}]}
        """#, in: &world)
        let list = #expect(throws: KinesisError.self) { try world.listStreams(as: arnOnly) }
        #expect(list?.message == "User: arn:aws:iam::111122223333:user/arn-only is not authorized to perform: kinesis:ListStreams on resource: * because no identity-based policy allows the kinesis:ListStreams action")
        #expect(throws: KinesisError.self) { try world.describeLimits(as: arnOnly) }
        let star = try TestWorld.user("star", policy: #"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kinesis:ListStreams","kinesis:DescribeLimits"],"Resource":"*"}]}
        """#, in: &world)
        #expect(try world.listStreams(as: star).streamNames.isEmpty)
        #expect(try world.describeLimits(as: star).shardLimit == 500)
    }

    @Test func describeLimitsCountsOpenShardsAndOnDemandStreams() throws {
        var (world, admin) = try TestWorld.make()
        try world.createStream(CreateStreamInput(streamName: "p", shardCount: 3), as: admin)
        try world.createStream(CreateStreamInput(streamName: "od", streamMode: "ON_DEMAND"), as: admin)
        try world.splitShard(SplitShardInput(.named("p"), shardToSplit: "shardId-000000000000", newStartingHashKey: "1000"), as: admin)
        try world.createStream(CreateStreamInput(streamName: "elsewhere", shardCount: 7), as: admin.inRegion("eu-west-1"))
        #expect(try world.describeLimits(as: admin) == DescribeLimitsOutput(shardLimit: 500, openShardCount: 8, onDemandStreamCount: 1, onDemandStreamCountLimit: 50))
    }

    @Test func updateStreamModeSwitchesAndKeepsShards() throws {
        var settings = WorldSettings.instant
        settings.updatingMilliseconds = 100
        var (world, admin) = try TestWorld.make(settings)
        try world.createStream(CreateStreamInput(streamName: "s", shardCount: 3), as: admin)
        try world.updateStreamMode(UpdateStreamModeInput(streamARN: TestWorld.arn("s"), streamMode: "ON_DEMAND"), as: admin)
        var d = try world.describeStream(DescribeStreamInput(.named("s")), as: admin)
        #expect(d.streamStatus == .updating && d.streamMode == .onDemand && d.shards.count == 3)
        world.advance(milliseconds: 100)
        #expect(try world.listStreams(as: admin).streamSummaries.first?.streamStatus == .active)
        #expect(try world.describeLimits(as: admin).onDemandStreamCount == 1)
        try world.updateStreamMode(UpdateStreamModeInput(streamARN: TestWorld.arn("s"), streamMode: "PROVISIONED"), as: admin)
        world.advance(milliseconds: 100)
        d = try world.describeStream(DescribeStreamInput(.named("s")), as: admin)
        #expect(d.streamMode == .provisioned && d.shards.count == 3)
        // Two changes per rolling 24 hours.
        let error = #expect(throws: KinesisError.self) {
            try world.updateStreamMode(UpdateStreamModeInput(streamARN: TestWorld.arn("s"), streamMode: "ON_DEMAND"), as: admin)
        }
        #expect(error?.code == .limitExceeded)
    }

    @Test("UpdateStreamMode needs a StreamARN and a mode", arguments: [
        (UpdateStreamModeInput(streamARN: nil, streamMode: "ON_DEMAND"), "Value null at 'streamARN' failed to satisfy constraint: Member must not be null"),
        (UpdateStreamModeInput(streamARN: TestWorld.arn("s"), streamMode: nil), "Value null at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must not be null"),
        (UpdateStreamModeInput(streamARN: TestWorld.arn("s"), streamMode: "FAST"), "Value 'FAST' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]"),
    ])
    func updateStreamModeValidation(input: UpdateStreamModeInput, message: String) throws {
        var (world, admin) = try TestWorld.make()
        let error = #expect(throws: KinesisError.self) { try world.updateStreamMode(input, as: admin) }
        #expect(error?.code == .validation)
        #expect(error?.message == "1 validation error detected: " + message)
    }

    @Test func updateStreamModeIsAuthorizedOnStar() throws {
        var (world, admin) = try TestWorld.make()
        try world.createStream(CreateStreamInput(streamName: "s", shardCount: 1), as: admin)
        let arnOnly = try TestWorld.user("arn-only", policy: #"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:UpdateStreamMode","Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/s"}]}
        """#, in: &world)
        let error = #expect(throws: KinesisError.self) {
            try world.updateStreamMode(UpdateStreamModeInput(streamARN: TestWorld.arn("s"), streamMode: "ON_DEMAND"), as: arnOnly)
        }
        #expect(error?.code == .accessDenied)
    }
}
