import Testing
@testable import KinesisSim

@Suite struct GetShardIteratorErrorTests {
    static let mismatch = "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified "

    @Test("type and StartingSequenceNumber/Timestamp must agree: InvalidArgumentException", arguments: [
        ("AT_SEQUENCE_NUMBER", false, false, mismatch + "AT_SEQUENCE_NUMBER and no StartingSequenceNumber."),
        ("AFTER_SEQUENCE_NUMBER", false, false, mismatch + "AFTER_SEQUENCE_NUMBER and no StartingSequenceNumber."),
        ("TRIM_HORIZON", true, false, mismatch + "TRIM_HORIZON and also a StartingSequenceNumber."),
        ("LATEST", true, false, mismatch + "LATEST and also a StartingSequenceNumber."),
        ("AT_TIMESTAMP", false, false, "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter."),
        ("LATEST", false, true, "Timestamp is only valid with ShardIteratorType AT_TIMESTAMP. Request specified LATEST and also a Timestamp."),
    ])
    func typeAndParametersMustAgree(type: String, withNumber: Bool, withTimestamp: Bool, message: String) throws {
        var (world, admin) = try DataWorld.make()
        let number = try DataWorld.put(&world, admin, key: "k").sequenceNumber
        let error = DataWorld.expectError(.invalidArgument) {
            _ = try DataWorld.iterator(&world, admin, type: type, sequenceNumber: withNumber ? number : nil,
                                       timestamp: withTimestamp ? world.now : nil)
        }
        #expect(error?.message == message)
    }

    @Test func numberFromAnotherShardNamesTheShardItEncodes() throws {
        var (world, admin) = try DataWorld.make(shards: 4)
        let out = try DataWorld.put(&world, admin, key: "pk-0")  // shard 3
        let error = DataWorld.expectError(.invalidArgument) {
            _ = try DataWorld.iterator(&world, admin, shard: "shardId-000000000001", type: "AT_SEQUENCE_NUMBER", sequenceNumber: out.sequenceNumber)
        }
        #expect(error?.message == "Invalid StartingSequenceNumber. It encodes shardId-000000000003, while it was used in a call to a shard with shardId-000000000001")
    }

    @Test func numberFromAnotherStreamDidNotComeFromThisStream() throws {
        var (world, admin) = try DataWorld.make()
        world.advance(milliseconds: 5)
        try world.createStream(CreateStreamInput(streamName: "t", shardCount: 1), as: admin)
        let foreign = try DataWorld.put(&world, admin, key: "k", stream: "t").sequenceNumber
        let error = DataWorld.expectError(.invalidArgument) {
            _ = try DataWorld.iterator(&world, admin, type: "AFTER_SEQUENCE_NUMBER", sequenceNumber: foreign)
        }
        #expect(error?.message == "StartingSequenceNumber \(foreign) used in GetShardIterator on shard shardId-000000000000 in stream s under account 111122223333 is invalid because it did not come from this stream.")
    }

    @Test("well-formed numbers that are not ours are InvalidArgumentException", arguments: ["0", "1234567890", String(repeating: "1", count: 58)])
    func unknownNumberIsInvalid(number: String) throws {
        var (world, admin) = try DataWorld.make()
        let error = DataWorld.expectError(.invalidArgument) {
            _ = try DataWorld.iterator(&world, admin, type: "AT_SEQUENCE_NUMBER", sequenceNumber: number)
        }
        #expect(error?.message == "StartingSequenceNumber \(number) used in GetShardIterator on shard shardId-000000000000 in stream s under account 111122223333 is invalid.")
    }

    @Test("unknown shards are ResourceNotFoundException", arguments: ["shardId-000000000001", "shardId-999999999999", "nope"])
    func unknownShardIsResourceNotFound(shard: String) throws {
        var (world, admin) = try DataWorld.make()
        let error = DataWorld.expectError(.resourceNotFound) { _ = try DataWorld.iterator(&world, admin, shard: shard) }
        #expect(error?.message.hasPrefix("Shard ") == true)
        #expect(error?.message.hasSuffix(" in stream s under account 111122223333 does not exist") == true)
    }

    @Test func shortShardIdsNameTheSameShard() throws {
        var (world, admin) = try DataWorld.make(shards: 2)
        _ = try DataWorld.iterator(&world, admin, shard: "shardId-1")
        _ = try DataWorld.iterator(&world, admin, shard: "1")
    }

    @Test("GetShardIterator model constraints are ValidationException", arguments: [
        (GetShardIteratorInput(.named("s"), shardId: nil, shardIteratorType: "LATEST"), "Value null at 'shardId' failed to satisfy constraint: Member must not be null"),
        (GetShardIteratorInput(.named("s"), shardId: "shardId-000000000000", shardIteratorType: nil), "Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null"),
        (GetShardIteratorInput(.named("s"), shardId: "shardId-000000000000", shardIteratorType: "OLDEST"), "Value 'OLDEST' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP]"),
        (GetShardIteratorInput(.named("s"), shardId: "shard 0", shardIteratorType: "LATEST"), "Value 'shard 0' at 'shardId' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
        (GetShardIteratorInput(.named("s"), shardId: "shardId-000000000000", shardIteratorType: "AT_SEQUENCE_NUMBER", startingSequenceNumber: "12a"), "Value '12a' at 'startingSequenceNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,128})"),
    ])
    func modelConstraintsAreValidationException(input: GetShardIteratorInput, message: String) throws {
        var (world, admin) = try DataWorld.make()
        let error = DataWorld.expectError(.validation) { _ = try world.getShardIterator(input, as: admin) }
        #expect(error?.message == "1 validation error detected: " + message)
    }

    @Test func creatingStreamHasNoShardsToIterate() throws {
        var settings = WorldSettings.instant
        settings.creatingMilliseconds = 500
        var (world, admin) = try DataWorld.make(settings: settings)
        let error = DataWorld.expectError(.resourceNotFound) { _ = try DataWorld.iterator(&world, admin) }
        #expect(error?.message == "Shard shardId-000000000000 in stream s under account 111122223333 does not exist")
        world.advance(milliseconds: 500)
        _ = try DataWorld.iterator(&world, admin)
    }

    @Test func sixthIteratorCallInOneSecondIsThrottled() throws {
        var (world, admin) = try DataWorld.make()
        for _ in 0..<5 { _ = try DataWorld.iterator(&world, admin) }
        let error = DataWorld.expectError(.provisionedThroughputExceeded) { _ = try DataWorld.iterator(&world, admin) }
        #expect(error?.message == "Rate exceeded for shard shardId-000000000000 in stream s under account 111122223333.")
        world.advance(milliseconds: 200)
        _ = try DataWorld.iterator(&world, admin)
    }
}
