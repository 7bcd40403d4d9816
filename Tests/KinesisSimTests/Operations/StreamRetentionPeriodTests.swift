import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct StreamRetentionPeriodTests {
    @Test func increaseThenDecreaseChangesTheRetentionShownByDescribe() throws {
        var (world, admin) = try TestWorld.withStream()
        try world.increaseStreamRetentionPeriod(StreamRetentionPeriodInput(.named("orders"), retentionPeriodHours: 168), as: admin)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).retentionPeriodHours == 168)
        try world.decreaseStreamRetentionPeriod(StreamRetentionPeriodInput(.arn(TestWorld.arn("orders")), retentionPeriodHours: 48), as: admin)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).retentionPeriodHours == 48)
    }

    @Test(arguments: [true, false])
    func equalRetentionIsAccepted(increase: Bool) throws {
        var (world, admin) = try TestWorld.withStream()
        let input = StreamRetentionPeriodInput(.named("orders"), retentionPeriodHours: 24)
        if increase { try world.increaseStreamRetentionPeriod(input, as: admin) } else { try world.decreaseStreamRetentionPeriod(input, as: admin) }
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).retentionPeriodHours == 24)
    }

    /// (increase?, starting hours, requested hours, expected code, expected message)
    @Test(arguments: [
        (true, 24, 23, KinesisError.Code.invalidArgument,
         "Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short."),
        (true, 24, 8761, .invalidArgument,
         "Maximum allowed retention period is 8760 hours. Requested retention period (8761 hours) is too long."),
        (false, 24, 23, .invalidArgument,
         "Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short."),
        (true, 48, 30, .invalidArgument,
         "Requested retention period (30 hours) for stream orders can not be shorter than existing retention period (48 hours). Use DecreaseRetentionPeriod API."),
        (false, 24, 40, .invalidArgument,
         "Requested retention period (40 hours) for stream orders can not be longer than existing retention period (24 hours). Use IncreaseRetentionPeriod API."),
        (true, 24, 0, .validation,
         "1 validation error detected: Value '0' at 'retentionPeriodHours' failed to satisfy constraint: Member must have value greater than or equal to 1"),
    ])
    func outOfRangeOrWrongDirectionIsRefusedWithAWSMessage(increase: Bool, start: Int, hours: Int, code: KinesisError.Code, message: String) throws {
        var (world, admin) = try TestWorld.withStream()
        if start != 24 {
            try world.increaseStreamRetentionPeriod(StreamRetentionPeriodInput(.named("orders"), retentionPeriodHours: start), as: admin)
        }
        let input = StreamRetentionPeriodInput(.named("orders"), retentionPeriodHours: hours)
        let error = kinesisError {
            if increase { try world.increaseStreamRetentionPeriod(input, as: admin) } else { try world.decreaseStreamRetentionPeriod(input, as: admin) }
        }
        #expect(error?.code == code)
        #expect(error?.message == message)
    }

    @Test func missingHoursIsValidationException() throws {
        var (world, admin) = try TestWorld.withStream()
        let error = kinesisError { try world.increaseStreamRetentionPeriod(StreamRetentionPeriodInput(.named("orders"), retentionPeriodHours: nil), as: admin) }
        #expect(error?.code == .validation)
        #expect(error?.message.contains("Value null at 'retentionPeriodHours'") == true)
    }

    @Test func unknownStreamIsResourceNotFound() throws {
        var (world, admin) = try TestWorld.make()
        let error = kinesisError { try world.increaseStreamRetentionPeriod(StreamRetentionPeriodInput(.named("nope"), retentionPeriodHours: 48), as: admin) }
        #expect(error?.code == .resourceNotFound)
        #expect(error?.message == "Stream nope under account 111122223333 not found.")
    }

    @Test func creatingStreamIsResourceInUse() throws {
        var settings = WorldSettings.instant
        settings.creatingMilliseconds = 1000
        var (world, admin) = try TestWorld.make(settings)
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: admin)
        let error = kinesisError { try world.increaseStreamRetentionPeriod(StreamRetentionPeriodInput(.named("orders"), retentionPeriodHours: 48), as: admin) }
        #expect(error?.code == .resourceInUse)
        #expect(error?.message == "Stream orders under account 111122223333 not ACTIVE, instead in state CREATING")
    }

    @Test func callerWithoutPermissionIsAccessDenied() throws {
        var (world, _) = try TestWorld.withStream()
        let reader = try TestWorld.user("reader", policy: TestWorld.allow(["kinesis:Describe*"]), in: &world)
        let error = kinesisError { try world.increaseStreamRetentionPeriod(StreamRetentionPeriodInput(.named("orders"), retentionPeriodHours: 48), as: reader) }
        #expect(error?.code == .accessDenied)
        #expect(error?.message.contains("kinesis:IncreaseStreamRetentionPeriod on resource: arn:aws:kinesis:us-east-1:111122223333:stream/orders") == true)
    }
}
