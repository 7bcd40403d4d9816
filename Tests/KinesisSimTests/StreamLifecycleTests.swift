import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct StreamLifecycleTests {
    @Test func createDescribeDeleteWithObservableStates() throws {
        var settings = WorldSettings()
        settings.creatingMilliseconds = 500
        settings.deletingMilliseconds = 200
        var (world, admin) = try TestWorld.make(settings)
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 2), as: admin)
        var summary = try world.describeStreamSummary(.named("orders"), as: admin)
        #expect(summary.streamStatus == .creating)
        #expect(summary.openShardCount == 0)
        world.advance(milliseconds: 499)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).streamStatus == .creating)
        world.advance(milliseconds: 1)
        summary = try world.describeStreamSummary(.arn(TestWorld.arn("orders")), as: admin)
        #expect(summary.streamStatus == .active)
        #expect(summary.openShardCount == 2)
        #expect(summary.streamARN == TestWorld.arn("orders"))
        #expect(summary.retentionPeriodHours == 24)
        #expect(summary.encryptionType == "NONE")

        try world.deleteStream(DeleteStreamInput(.named("orders")), as: admin)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).streamStatus == .deleting)
        world.advance(milliseconds: 200)
        let error = #expect(throws: KinesisError.self) { try world.describeStreamSummary(.named("orders"), as: admin) }
        #expect(error?.code == .resourceNotFound)
        #expect(error?.message == "Stream orders under account 111122223333 not found.")
    }

    @Test func duplicateNameIsResourceInUse() throws {
        var (world, admin) = try TestWorld.make()
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: admin)
        let error = #expect(throws: KinesisError.self) {
            try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 3), as: admin)
        }
        #expect(error?.code == .resourceInUse)
        #expect(error?.message == "Stream orders under account 111122223333 already exists.")
    }

    @Test(arguments: [
        (CreateStreamInput(streamName: nil, shardCount: 1), "Value null at 'streamName' failed to satisfy constraint: Member must not be null"),
        (CreateStreamInput(streamName: "bad name", shardCount: 1), "Value 'bad name' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
        (CreateStreamInput(streamName: "s", shardCount: 0), "Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1"),
        (CreateStreamInput(streamName: String(repeating: "a", count: 129), shardCount: 1), "at 'streamName' failed to satisfy constraint: Member must have length less than or equal to 128"),
    ])
    func modelConstraintsAreValidationExceptions(input: CreateStreamInput, message: String) throws {
        var (world, admin) = try TestWorld.make()
        let error = #expect(throws: KinesisError.self) { try world.createStream(input, as: admin) }
        #expect(error?.code == .validation)
        #expect(error?.message.hasPrefix("1 validation error detected: ") == true)
        #expect(error?.message.contains(message) == true)
    }

    @Test func deniedCallChangesNothingAndExplainsItself() throws {
        var (world, _) = try TestWorld.make()
        let reader = try TestWorld.user("reader", policy: #"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:Describe*","Resource":"*"}]}
        """#, in: &world)
        let error = #expect(throws: KinesisError.self) {
            try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: reader)
        }
        #expect(error?.code == .accessDenied)
        #expect(error?.message == "User: arn:aws:iam::111122223333:user/reader is not authorized to perform: kinesis:CreateStream on resource: arn:aws:kinesis:us-east-1:111122223333:stream/orders because no identity-based policy allows the kinesis:CreateStream action")
        #expect(error?.explanation?.summary.hasPrefix("Implicitly denied") == true)
        #expect(world.stream(StreamRef(account: TestWorld.account, region: TestWorld.region, name: "orders")) == nil)
    }

    @Test func evenHashKeyRangesMatchAWS() {
        let three = HashKeyRange.even(count: 3)
        #expect(three.map { String($0.start) } == ["0", "113427455640312821154458202477256070485", "226854911280625642308916404954512140970"])
        #expect(three.map { String($0.end) } == ["113427455640312821154458202477256070484", "226854911280625642308916404954512140969", "340282366920938463463374607431768211455"])
        let two = HashKeyRange.even(count: 2)
        #expect(String(two[0].end) == "170141183460469231731687303715884105727")
        #expect(HashKeyRange.even(count: 1) == [.all])
    }
}
