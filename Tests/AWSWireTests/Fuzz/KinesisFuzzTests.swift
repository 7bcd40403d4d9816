import Foundation
import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// Seeded random bodies for every Kinesis operation, through the world's `perform` and through
/// the HTTP service with a valid signature: nothing traps, and every answer is a success or
/// an AWS-shaped error. `KDSLAB_FUZZ_SEED=N swift test --filter KinesisFuzzTests` replays a run
/// (`KDSLAB_FUZZ_BODIES=N` sets bodies per operation); each failure names its seed,
/// operation and body.
@Suite struct KinesisFuzzTests {
    static let start = AWSServiceTests.start
    static let seed: UInt64 = ProcessInfo.processInfo.environment["KDSLAB_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x6B64_736C_6162
    static let operations = KinesisWorld.supportedOperations
    /// Bodies per operation (through `perform`; a fifth of it through HTTP): 150 keeps the
    /// suite to a few seconds in a debug build; `KDSLAB_FUZZ_BODIES` runs longer.
    static let bodiesPerOperation = ProcessInfo.processInfo.environment["KDSLAB_FUZZ_BODIES"].flatMap { Int($0) } ?? 150

    /// An admin service with stream `orders` holding two records and consumer `app`, and the
    /// strings (ARNs, iterator, sequence number) that get a random body past validation.
    static func service() throws -> (AWSService, [String]) {
        let service = AWSService.withDefaultAdmin()
        let admin = WireClient(service, now: start)
        let arn = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
        _ = admin.kinesis("CreateStream", #"{"StreamName": "orders", "ShardCount": 2}"#)
        let put = admin.kinesis("PutRecord", #"{"StreamName": "orders", "Data": "aGk=", "PartitionKey": "k"}"#)
        _ = admin.kinesis("PutRecord", #"{"StreamName": "orders", "Data": "aGk=", "PartitionKey": "j"}"#)
        let consumer = admin.kinesis("RegisterStreamConsumer", #"{"StreamARN": "\#(arn)", "ConsumerName": "app"}"#)
        let iterator = admin.kinesis("GetShardIterator",
            #"{"StreamName": "orders", "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"}"#)
        let listed = admin.kinesis("ListShards", #"{"StreamName": "orders", "MaxResults": 1}"#)
        let strings = [
            arn, "shardId-000000000000", "shardId-000000000001", put.json?["SequenceNumber"]?.stringValue,
            consumer.json?["Consumer"]?["ConsumerARN"]?.stringValue, iterator.json?["ShardIterator"]?.stringValue,
            listed.json?["NextToken"]?.stringValue,
        ].compactMap { $0 }
        #expect(strings.count == 7, "the fuzz world's setup failed")
        return (service, strings)
    }

    /// Whether `response` is a success or an AWS-shaped error; a description of what is wrong otherwise.
    static func problem(status: Int, code: String?, message: String?) -> String? {
        if status == 200 { return code == nil ? nil : "200 with __type \(code ?? "")" }
        guard (400..<500).contains(status) else { return "status \(status)" }
        guard let code, !code.isEmpty, code.allSatisfy({ $0.isLetter || $0.isNumber }) else { return "no __type" }
        return message == nil ? "no message" : nil
    }

    @Test func randomBodiesThroughPerform() throws {
        let (service, strings) = try Self.service()
        let base = service.withWorld { $0 }
        let admin = try #require(base.caller(user: "admin", account: AWSService.defaultAccount))
        var bodies = FuzzBodies(seed: Self.seed, worldStrings: strings)
        let reader = JSONReader(limits: AWSService.jsonLimits)
        print("KinesisFuzzTests.randomBodiesThroughPerform: seed \(Self.seed) (KDSLAB_FUZZ_SEED replays it)")
        for operation in Self.operations {
            var world = base
            for i in 0..<Self.bodiesPerOperation {
                if i % 50 == 0 { world = base }
                let text = bodies.body()
                guard let body = try? reader.read(text) else { continue }
                let response = world.perform(operation, body: body, as: admin)
                let out = response.encodedBody().flatMap { try? reader.read(String(decoding: $0, as: UTF8.self)) }
                if response.status == 200, response.encodedBody() != nil, out?.members == nil {
                    Issue.record("seed \(Self.seed): \(operation) \(text): a success body that is not a JSON object")
                }
                if let p = Self.problem(status: response.status, code: response.error?.code.rawValue, message: response.error?.message) {
                    Issue.record("seed \(Self.seed): \(operation) \(text): \(p)")
                    return
                }
            }
        }
    }

    @Test func randomSignedRequestsThroughTheService() throws {
        var bodies = FuzzBodies(seed: Self.seed &+ 1, worldStrings: try Self.service().1)
        print("KinesisFuzzTests.randomSignedRequestsThroughTheService: seed \(Self.seed) (KDSLAB_FUZZ_SEED replays it)")
        for operation in Self.operations {
            var (service, _) = try Self.service()
            for i in 0..<max(1, Self.bodiesPerOperation / 5) {
                if i % 30 == 29 { (service, _) = try Self.service() }
                let text = bodies.body()
                let r = WireClient(service, now: Self.start).kinesis(operation, text)
                let code = r.json?["__type"]?.stringValue
                var p = Self.problem(status: r.status, code: code, message: r.json?["message"]?.stringValue)
                if r.response.header("Content-Type") != "application/x-amz-json-1.1" { p = p ?? "Content-Type" }
                if r.status != 200 && r.response.header("x-amzn-ErrorType") != code { p = p ?? "x-amzn-ErrorType" }
                if !r.response.body.isEmpty && r.json?.members == nil { p = p ?? "body not a JSON object" }
                if let p {
                    Issue.record("seed \(Self.seed): \(operation) \(text): \(p)")
                    return
                }
            }
        }
    }
}
