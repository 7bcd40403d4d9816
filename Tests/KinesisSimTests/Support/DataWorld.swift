import Testing
import IAMPolicy
@testable import KinesisSim

/// Worlds with a ready stream for data-plane tests, and small helpers to write and read.
enum DataWorld {
    /// When a default world's clock starts (2026-01-01T00:00:00Z).
    static let start = Timestamp(milliseconds: 1_767_225_600_000)

    /// A world with stream `name` of `shards` shards, ACTIVE, and the admin caller.
    static func make(shards: Int = 1, name: String = "s", settings: WorldSettings = .instant) throws -> (KinesisWorld, Caller) {
        var (world, admin) = try TestWorld.make(settings)
        try world.createStream(CreateStreamInput(streamName: name, shardCount: shards), as: admin)
        return (world, admin)
    }

    /// `count` bytes of `byte`.
    static func bytes(_ count: Int, _ byte: UInt8 = 0x61) -> [UInt8] { [UInt8](repeating: byte, count: count) }

    /// Writes one record.
    @discardableResult
    static func put(_ world: inout KinesisWorld, _ caller: Caller, key: String, data: String = "x", stream: String = "s",
                    explicitHashKey: String? = nil) throws -> PutRecordOutput {
        try world.putRecord(PutRecordInput(.named(stream), data: Array(data.utf8), partitionKey: key,
                                           explicitHashKey: explicitHashKey), as: caller)
    }

    /// An iterator of `type` on `shard`.
    static func iterator(_ world: inout KinesisWorld, _ caller: Caller, shard: String = "shardId-000000000000",
                         type: String = "TRIM_HORIZON", sequenceNumber: String? = nil, timestamp: Timestamp? = nil,
                         stream: String = "s") throws -> String {
        try world.getShardIterator(GetShardIteratorInput(.named(stream), shardId: shard, shardIteratorType: type,
                                                         startingSequenceNumber: sequenceNumber, timestamp: timestamp),
                                   as: caller).shardIterator
    }

    /// Reads every record from `iterator` on (following NextShardIterator until caught up).
    static func readAll(_ world: inout KinesisWorld, _ caller: Caller, from iterator: String) throws -> [Record] {
        var records = [Record]()
        var next: String? = iterator
        while let it = next {
            let out = try world.getRecords(GetRecordsInput(shardIterator: it), as: caller)
            records += out.records
            next = out.records.isEmpty ? nil : out.nextShardIterator
        }
        return records
    }

    /// The stream as stored, for tests that inspect or rearrange it.
    static func stream(_ world: KinesisWorld, _ name: String = "s") -> Stream? {
        world.accounts[TestWorld.account]?.streams[TestWorld.region]?[name]
    }

    /// Whether decimal string `a` is less than `b` as big integers.
    static func bigLess(_ a: String, _ b: String) -> Bool {
        a.count != b.count ? a.count < b.count : a < b
    }

    /// Expects `body` to throw a Kinesis error with `code` and returns the error.
    @discardableResult
    static func expectError(_ code: KinesisError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                            _ body: () throws -> Void) -> KinesisError? {
        let error = #expect(throws: KinesisError.self, sourceLocation: sourceLocation) { try body() }
        #expect(error?.code == code, "\(error.map(String.init(describing:)) ?? "no error")", sourceLocation: sourceLocation)
        return error
    }
}
