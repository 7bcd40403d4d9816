import Foundation
import IAMPolicy
import Testing
@testable import KinesisSim

/// Numbers and tokens from the wire that used to trap the process: each is answered with an
/// error in AWS's shape instead, before any arithmetic can overflow.
@Suite struct WireNumberTests {
    static let arn = TestWorld.arn("orders")

    /// A world with stream `orders` (one shard) and consumer `app`.
    static func world() throws -> (KinesisWorld, Caller) {
        var (world, admin) = try TestWorld.make()
        _ = world.perform("CreateStream", body: try JSONReader().read(#"{"StreamName": "orders", "ShardCount": 1}"#), as: admin)
        _ = world.perform("RegisterStreamConsumer", body: try JSONReader().read(#"{"StreamARN": "\#(arn)", "ConsumerName": "app"}"#),
                          as: admin)
        return (world, admin)
    }

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
    static func hex(_ text: String) -> String { text.utf8.map { String(format: "%02x", $0) }.joined() }

    static let iteratorAt = #"{"StreamName": "orders", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": "#

    static let shardsToken = "v1|shards|-9223372036854775808|111122223333|us-east-1|orders|0|-1|FROM_TRIM_HORIZON||"
    static let shardsFilterToken =
        "v1|shards|1767225600000|111122223333|us-east-1|orders|9223372036854775807|-1|AT_TIMESTAMP||9223372036854775807"
    static let streamsToken = "v1|streams|-9223372036854775808|111122223333|us-east-1|orders"
    static let consumersToken = "c1\u{0}-9223372036854775808\u{0}" + arn + "\u{0}app"

    static let outOfRange: [(String, String)] = [
        ("GetShardIterator", iteratorAt + "1e16}"),
        ("GetShardIterator", iteratorAt + "9.3e15}"),
        ("GetShardIterator", iteratorAt + "-9.3e15}"),
        ("GetShardIterator", iteratorAt + "1e999}"),
        ("GetShardIterator", iteratorAt + "253402300800}"),
        ("ListShards", #"{"StreamName": "orders", "ShardFilter": {"Type": "AT_TIMESTAMP", "Timestamp": 9.3e15}}"#),
        ("ListShards", #"{"StreamName": "orders", "ShardFilter": {"Type": "FROM_TIMESTAMP", "Timestamp": -1e300}}"#),
        ("ListShards", #"{"StreamName": "orders", "StreamCreationTimestamp": 1e16}"#),
        ("ListStreamConsumers", #"{"StreamARN": ""# + arn + #"", "StreamCreationTimestamp": 9.3e15}"#),
        ("ListShards", #"{"NextToken": ""# + base64(shardsToken) + #""}"#),
        ("ListShards", #"{"NextToken": ""# + base64(shardsFilterToken) + #""}"#),
        ("ListStreams", #"{"NextToken": ""# + base64(streamsToken) + #""}"#),
        ("ListStreamConsumers", #"{"StreamARN": ""# + arn + #"", "NextToken": ""# + hex(consumersToken) + #""}"#),
    ]

    @Test("an out-of-range number or token is InvalidArgumentException, not a trap", arguments: outOfRange)
    func outOfRangeIsInvalidArgument(_ operation: String, _ body: String) throws {
        var (world, admin) = try Self.world()
        let response = world.perform(operation, body: try JSONReader().read(body), as: admin)
        #expect(response.status == 400)
        #expect(response.error?.code == .invalidArgument, "\(response.error.map { "\($0.code): \($0.message)" } ?? "success")")
    }

    @Test("timestamps inside 0001–9999 are read as before", arguments: ["0", "1767225600.5", "253402300799", "-62135596800"])
    func inRangeTimestampsAreAccepted(_ seconds: String) throws {
        var (world, admin) = try Self.world()
        let response = world.perform("GetShardIterator", body: try JSONReader().read(Self.iteratorAt + seconds + "}"), as: admin)
        #expect(response.status == 200, "\(response.error.map { "\($0.code): \($0.message)" } ?? "")")
    }

    @Test("a forged iterator with times outside any date is InvalidArgumentException", arguments: [
        (Int64.min, Int64(1_767_225_600_000)), (Int64(1_767_225_600_000), Int64.min), (Int64.max, Int64.max),
    ])
    func forgedIteratorTimes(issuedAt: Int64, streamCreatedAt: Int64) throws {
        var (world, admin) = try Self.world()
        let token = ShardIteratorToken(streamARN: Self.arn, streamCreatedAt: streamCreatedAt, shardIndex: 0, position: 0,
                                       issuedAt: issuedAt).sealed(with: world.iteratorKey)
        let response = world.perform("GetRecords", body: .object([("ShardIterator", .string(token))]), as: admin)
        #expect(response.error?.code == .invalidArgument)
    }

    @Test func timestampArithmeticSaturates() {
        #expect(Timestamp(milliseconds: .max).adding(milliseconds: 1).milliseconds == .max)
        #expect(Timestamp(milliseconds: .min).adding(milliseconds: -1).milliseconds == .min)
        #expect(Timestamp(epochSeconds: 1e300).milliseconds == .max)
        #expect(Timestamp(epochSeconds: -.infinity).milliseconds == .min)
        #expect(Timestamp(epochSeconds: .nan).milliseconds == 0)
    }
}
