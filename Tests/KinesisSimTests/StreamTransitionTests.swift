import Testing
import IAMPolicy
@testable import KinesisSim

/// What each call answers while a stream is CREATING, UPDATING or DELETING, with every
/// transition lasting 500 ms (as `kdslab serve --transitions aws` runs the world). The clock
/// is driven by hand: nothing sleeps.
@Suite struct StreamTransitionTests {
    static let timed = WorldSettings.instant.with(transitions: .uniform(milliseconds: 500))
    static let notActive = "Stream orders under account 111122223333 not ACTIVE, instead in state"

    /// A control-plane call on stream `orders` (two shards, when it has them).
    static func change(_ name: String, _ world: inout KinesisWorld, _ admin: Caller) throws {
        let orders = StreamTarget.named("orders")
        switch name {
        case "SplitShard": try world.splitShard(SplitShardInput(orders, shardToSplit: "shardId-000000000000", newStartingHashKey: "1000"), as: admin)
        case "MergeShards": try world.mergeShards(MergeShardsInput(orders, shardToMerge: "shardId-000000000000", adjacentShardToMerge: "shardId-000000000001"), as: admin)
        case "UpdateShardCount": _ = try world.updateShardCount(UpdateShardCountInput(orders, targetShardCount: 4), as: admin)
        case "UpdateStreamMode": try world.updateStreamMode(UpdateStreamModeInput(streamARN: TestWorld.arn("orders"), streamMode: "ON_DEMAND"), as: admin)
        case "StartStreamEncryption": try world.startStreamEncryption(StreamEncryptionInput(orders, keyId: "alias/aws/kinesis"), as: admin)
        case "IncreaseStreamRetentionPeriod": try world.increaseStreamRetentionPeriod(StreamRetentionPeriodInput(orders, retentionPeriodHours: 48), as: admin)
        case "AddTagsToStream": try world.addTagsToStream(AddTagsToStreamInput(orders, tags: ["team": "a"]), as: admin)
        case "EnableEnhancedMonitoring": _ = try world.enableEnhancedMonitoring(EnhancedMonitoringInput(orders, shardLevelMetrics: ["ALL"]), as: admin)
        case "RegisterStreamConsumer": _ = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: TestWorld.arn("orders"), consumerName: "c"), as: admin)
        default: Issue.record("no change named \(name)")
        }
    }

    static let changes = ["SplitShard", "MergeShards", "UpdateShardCount", "UpdateStreamMode", "StartStreamEncryption",
                          "IncreaseStreamRetentionPeriod", "AddTagsToStream", "EnableEnhancedMonitoring", "RegisterStreamConsumer"]

    @Test("A CREATING stream refuses control-plane changes with ResourceInUse", arguments: changes)
    func creatingRefusesChanges(change: String) throws {
        var (world, admin) = try TestWorld.make(Self.timed)
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 2), as: admin)
        let error = kinesisError { try Self.change(change, &world, admin) }
        #expect(error?.code == .resourceInUse)
        #expect(error?.message == "\(Self.notActive) CREATING")
        world.advance(milliseconds: 500)
        try Self.change(change, &world, admin)
    }

    @Test("An UPDATING stream refuses control-plane changes with ResourceInUse", arguments: changes)
    func updatingRefusesChanges(change: String) throws {
        var (world, admin) = try TestWorld.make(Self.timed)
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 2), as: admin)
        world.advance(milliseconds: 500)
        try world.startStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: "alias/aws/kinesis"), as: admin)
        let error = kinesisError { try Self.change(change, &world, admin) }
        #expect(error?.code == .resourceInUse)
        #expect(error?.message == "\(Self.notActive) UPDATING")
        world.advance(milliseconds: 499)
        #expect(kinesisError { try Self.change(change, &world, admin) }?.code == .resourceInUse)
        world.advance(milliseconds: 1)
        try Self.change(change, &world, admin)
    }

    @Test func creatingStreamIsListedAndDescribedWithoutShardsAndTakesNoData() throws {
        var (world, admin) = try TestWorld.make(Self.timed)
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 2), as: admin)
        let described = try world.describeStream(DescribeStreamInput(.named("orders")), as: admin)
        #expect(described.streamStatus == .creating && described.shards.isEmpty)
        #expect(try world.listStreams(as: admin).streamSummaries.map(\.streamStatus) == [.creating])
        let put = kinesisError {
            _ = try world.putRecord(PutRecordInput(.named("orders"), data: [1], partitionKey: "k"), as: admin)
        }
        #expect(put?.code == .resourceNotFound)
        #expect(put?.message == "Stream orders under account 111122223333 not found.")
        let batch = kinesisError {
            _ = try world.putRecords(PutRecordsInput(.named("orders"), records: [PutRecordsRequestEntry(data: [1], partitionKey: "k")]), as: admin)
        }
        #expect(batch?.code == .resourceNotFound)
        world.advance(milliseconds: 499)
        #expect(try world.describeStream(DescribeStreamInput(.named("orders")), as: admin).streamStatus == .creating)
        world.advance(milliseconds: 1)
        let active = try world.describeStream(DescribeStreamInput(.named("orders")), as: admin)
        #expect(active.streamStatus == .active && active.shards.count == 2)
        _ = try world.putRecord(PutRecordInput(.named("orders"), data: [1], partitionKey: "k"), as: admin)
    }

    @Test func updatingStreamStillTakesAndServesData() throws {
        var (world, admin) = try TestWorld.make(Self.timed)
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 2), as: admin)
        world.advance(milliseconds: 500)
        _ = try world.updateShardCount(UpdateShardCountInput(.named("orders"), targetShardCount: 4), as: admin)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).streamStatus == .updating)
        let put = try world.putRecord(PutRecordInput(.named("orders"), data: [1], partitionKey: "k"), as: admin)
        let iterator = try world.getShardIterator(GetShardIteratorInput(.named("orders"), shardId: put.shardId, shardIteratorType: "TRIM_HORIZON"), as: admin)
        #expect(try world.getRecords(GetRecordsInput(shardIterator: iterator.shardIterator), as: admin).records.count == 1)
        world.advance(milliseconds: 500)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).streamStatus == .active)
    }

    @Test func streamDeletedWhileCreatingIsDeletingThenGone() throws {
        var (world, admin) = try TestWorld.make(Self.timed)
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: admin)
        try world.deleteStream(DeleteStreamInput(.named("orders")), as: admin)
        #expect(try world.listStreams(as: admin).streamSummaries.map(\.streamStatus) == [.deleting])
        // The name stays taken until the stream is gone.
        let again = kinesisError { try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: admin) }
        #expect(again?.code == .resourceInUse)
        world.advance(milliseconds: 500)
        #expect(try world.listStreams(as: admin).streamNames.isEmpty)
        let gone = kinesisError { _ = try world.describeStream(DescribeStreamInput(.named("orders")), as: admin) }
        #expect(gone?.code == .resourceNotFound)
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: admin)
    }

    @Test func instantSettingsSkipEveryTransition() throws {
        #expect(WorldSettings.instant.transitions.isInstant)
        #expect(Self.timed.transitions == .uniform(milliseconds: 500))
        var settings = WorldSettings()
        settings.transitions = .uniform(milliseconds: 7)
        #expect(settings.creatingMilliseconds == 7 && settings.updatingMilliseconds == 7
                && settings.deletingMilliseconds == 7 && settings.consumerCreatingMilliseconds == 7)
    }
}

extension WorldSettings {
    /// These settings with `transitions`.
    func with(transitions: TransitionTimes) -> WorldSettings {
        var out = self
        out.transitions = transitions
        return out
    }
}
