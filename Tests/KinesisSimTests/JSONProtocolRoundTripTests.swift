import Testing
import IAMPolicy
@testable import KinesisSim

/// A whole stream's life driven only through `perform`, with the bodies boto3 sends.
@Suite struct JSONProtocolRoundTripTests {
    static let arn = TestWorld.arn("orders")

    /// Performs `operation` with a JSON text body and requires success.
    static func ok(_ world: inout KinesisWorld, _ operation: String, _ body: String, as caller: Caller,
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue? {
        let response = world.perform(operation, body: try JSONReader().read(body), as: caller)
        #expect(response.status == 200, "\(operation): \(response.body.map { JSONWriter.string($0) } ?? "")",
                sourceLocation: sourceLocation)
        return response.body
    }

    /// Performs `operation` and returns the error body's `__type` and `message`.
    static func failure(_ world: inout KinesisWorld, _ operation: String, _ body: String,
                        as caller: Caller) throws -> (type: String?, message: String?) {
        let response = world.perform(operation, body: try JSONReader().read(body), as: caller)
        #expect(response.status == 400)
        return (response.body?["__type"]?.stringValue, response.body?["message"]?.stringValue)
    }

    static func shardIds(_ shards: JSONValue?) -> [String] {
        (shards?.elements ?? []).compactMap { $0["ShardId"]?.stringValue }
    }

    @Test func fullScenarioThroughJSON() throws {
        var (world, admin) = try TestWorld.make()
        #expect(try Self.ok(&world, "CreateStream", #"{"StreamName": "orders", "ShardCount": 1}"#, as: admin) == nil)

        // DescribeStream: ACTIVE with one shard covering the whole key space.
        let described = try #require(try Self.ok(&world, "DescribeStream", #"{"StreamName": "orders"}"#, as: admin))
        let description = try #require(described["StreamDescription"])
        #expect(description["StreamStatus"]?.stringValue == "ACTIVE")
        #expect(description["StreamARN"]?.stringValue == Self.arn)
        #expect(description["HasMoreShards"]?.kind == .bool(false))
        #expect(description["EncryptionType"]?.stringValue == "NONE")
        #expect(description["KeyId"] == nil)
        let shard = try #require(description["Shards"]?.elements?.first)
        #expect(shard["ShardId"]?.stringValue == "shardId-000000000000")
        #expect(shard["ParentShardId"] == nil)
        #expect(shard["HashKeyRange"]?["StartingHashKey"]?.stringValue == "0")
        #expect(shard["HashKeyRange"]?["EndingHashKey"]?.stringValue == String(UInt128.max))
        #expect(shard["SequenceNumberRange"]?["StartingSequenceNumber"]?.stringValue?.allSatisfy({ $0.isNumber }) == true)
        #expect(shard["SequenceNumberRange"]?["EndingSequenceNumber"] == nil)

        // PutRecord and PutRecords with base64 data ("hello", "world", "!").
        let put = try #require(try Self.ok(&world, "PutRecord",
            #"{"StreamName": "orders", "Data": "aGVsbG8=", "PartitionKey": "k1"}"#, as: admin))
        #expect(put["ShardId"]?.stringValue == "shardId-000000000000")
        let firstSequence = try #require(put["SequenceNumber"]?.stringValue)
        #expect(firstSequence.allSatisfy({ $0.isNumber }))
        #expect(put["EncryptionType"] == nil)
        let puts = try #require(try Self.ok(&world, "PutRecords", """
            {"StreamARN": "\(Self.arn)", "Records": [
              {"Data": "d29ybGQ=", "PartitionKey": "k2"},
              {"Data": "IQ==", "PartitionKey": "k3", "ExplicitHashKey": "12345"}]}
            """, as: admin))
        #expect(puts["FailedRecordCount"]?.kind == .number("0"))
        let results = try #require(puts["Records"]?.elements)
        #expect(results.count == 2)
        for r in results {
            #expect(r["ShardId"]?.stringValue == "shardId-000000000000")
            #expect(r["SequenceNumber"]?.stringValue != nil)
            #expect(r["ErrorCode"] == nil && r["ErrorMessage"] == nil)
        }

        // ListShards, then read everything from TRIM_HORIZON.
        let listed = try #require(try Self.ok(&world, "ListShards", #"{"StreamName": "orders"}"#, as: admin))
        #expect(Self.shardIds(listed["Shards"]) == ["shardId-000000000000"])
        #expect(listed["NextToken"] == nil)
        let iterator = try #require(try Self.ok(&world, "GetShardIterator",
            #"{"StreamName": "orders", "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"}"#,
            as: admin)?["ShardIterator"]?.stringValue)
        let got = try #require(try Self.ok(&world, "GetRecords", #"{"ShardIterator": "\#(iterator)"}"#, as: admin))
        let records = try #require(got["Records"]?.elements)
        #expect(records.compactMap { $0["Data"]?.stringValue } == ["aGVsbG8=", "d29ybGQ=", "IQ=="])
        #expect(records.compactMap { $0["PartitionKey"]?.stringValue } == ["k1", "k2", "k3"])
        #expect(records.first?["SequenceNumber"]?.stringValue == firstSequence)
        if case .number = records.first?["ApproximateArrivalTimestamp"]?.kind {} else {
            Issue.record("ApproximateArrivalTimestamp is not a number")
        }
        #expect(got["NextShardIterator"]?.stringValue != nil)
        #expect(got["MillisBehindLatest"]?.kind == .number("0"))
        #expect(got["ChildShards"] == nil)

        // SplitShard at 2^127, then merge the two children back.
        let middle = String(UInt128(1) << 127)
        #expect(try Self.ok(&world, "SplitShard", """
            {"StreamName": "orders", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "\(middle)"}
            """, as: admin) == nil)
        let afterSplit = try #require(try Self.ok(&world, "ListShards",
            #"{"StreamName": "orders", "ShardFilter": {"Type": "AT_LATEST"}}"#, as: admin))
        #expect(Self.shardIds(afterSplit["Shards"]) == ["shardId-000000000001", "shardId-000000000002"])
        #expect(afterSplit["Shards"]?.elements?.last?["HashKeyRange"]?["StartingHashKey"]?.stringValue == middle)
        #expect(afterSplit["Shards"]?.elements?.first?["ParentShardId"]?.stringValue == "shardId-000000000000")
        #expect(try Self.ok(&world, "MergeShards", """
            {"StreamName": "orders", "ShardToMerge": "shardId-000000000001", "AdjacentShardToMerge": "shardId-000000000002"}
            """, as: admin) == nil)
        let afterMerge = try #require(try Self.ok(&world, "DescribeStream", #"{"StreamName": "orders"}"#, as: admin))
        let merged = try #require(afterMerge["StreamDescription"]?["Shards"]?.elements?.last)
        #expect(merged["ShardId"]?.stringValue == "shardId-000000000003")
        #expect(merged["ParentShardId"]?.stringValue == "shardId-000000000001")
        #expect(merged["AdjacentParentShardId"]?.stringValue == "shardId-000000000002")
        #expect(afterMerge["StreamDescription"]?["Shards"]?.elements?.first?["SequenceNumberRange"]?["EndingSequenceNumber"] != nil)

        // Tags: add, list, remove.
        #expect(try Self.ok(&world, "AddTagsToStream",
            #"{"StreamName": "orders", "Tags": {"team": "data", "env": "lab"}}"#, as: admin) == nil)
        let tags = try #require(try Self.ok(&world, "ListTagsForStream", #"{"StreamName": "orders"}"#, as: admin))
        #expect(tags["Tags"] == .array([.object([("Key", .string("env")), ("Value", .string("lab"))]),
                                         .object([("Key", .string("team")), ("Value", .string("data"))])]))
        #expect(tags["HasMoreTags"]?.kind == .bool(false))
        #expect(try Self.ok(&world, "RemoveTagsFromStream", #"{"StreamName": "orders", "TagKeys": ["env"]}"#, as: admin) == nil)
        let left = try Self.ok(&world, "ListTagsForResource", #"{"ResourceARN": "\#(Self.arn)"}"#, as: admin)
        #expect(left?["Tags"]?.elements?.compactMap { $0["Key"]?.stringValue } == ["team"])

        // Retention.
        #expect(try Self.ok(&world, "IncreaseStreamRetentionPeriod",
            #"{"StreamName": "orders", "RetentionPeriodHours": 48}"#, as: admin) == nil)
        let summary = try Self.ok(&world, "DescribeStreamSummary", #"{"StreamName": "orders"}"#, as: admin)
        #expect(summary?["StreamDescriptionSummary"]?["RetentionPeriodHours"]?.kind == .number("48"))

        // ListStreams and DescribeLimits.
        let streams = try #require(try Self.ok(&world, "ListStreams", "{}", as: admin))
        #expect(streams["StreamNames"] == .array([.string("orders")]))
        #expect(streams["HasMoreStreams"]?.kind == .bool(false))
        #expect(streams["StreamSummaries"]?.elements?.first?["StreamModeDetails"]?["StreamMode"]?.stringValue == "PROVISIONED")
        let limits = try #require(try Self.ok(&world, "DescribeLimits", "{}", as: admin))
        #expect(limits["OpenShardCount"]?.kind == .number("1"))
        #expect(limits["ShardLimit"]?.kind != nil && limits["OnDemandStreamCountLimit"]?.kind != nil)
        #expect(limits["OnDemandStreamCount"]?.kind == .number("0"))

        // Enhanced fan-out consumers.
        let registered = try #require(try Self.ok(&world, "RegisterStreamConsumer",
            #"{"StreamARN": "\#(Self.arn)", "ConsumerName": "reader"}"#, as: admin)?["Consumer"])
        #expect(registered["ConsumerName"]?.stringValue == "reader")
        let consumerARN = try #require(registered["ConsumerARN"]?.stringValue)
        #expect(consumerARN.hasPrefix(Self.arn + "/consumer/reader:"))
        let consumers = try #require(try Self.ok(&world, "ListStreamConsumers", #"{"StreamARN": "\#(Self.arn)"}"#, as: admin))
        #expect(consumers["Consumers"]?.elements?.compactMap { $0["ConsumerARN"]?.stringValue } == [consumerARN])
        #expect(consumers["NextToken"] == nil)
        let consumer = try Self.ok(&world, "DescribeStreamConsumer", #"{"ConsumerARN": "\#(consumerARN)"}"#, as: admin)
        #expect(consumer?["ConsumerDescription"]?["StreamARN"]?.stringValue == Self.arn)

        // Resource policy: the text comes back as it was put.
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kinesis:GetRecords","Resource":"\#(Self.arn)"}]}"#
        let putPolicy = world.perform("PutResourcePolicy", body: .object([("ResourceARN", .string(Self.arn)),
                                                                          ("Policy", .string(policy))]), as: admin)
        #expect(putPolicy.status == 200 && putPolicy.body == nil)
        let gotPolicy = try Self.ok(&world, "GetResourcePolicy", #"{"ResourceARN": "\#(Self.arn)"}"#, as: admin)
        #expect(gotPolicy?["Policy"]?.stringValue == policy)

        // Delete, then the stream is gone.
        #expect(try Self.ok(&world, "DeregisterStreamConsumer", #"{"ConsumerARN": "\#(consumerARN)"}"#, as: admin) == nil)
        #expect(try Self.ok(&world, "DeleteStream", #"{"StreamName": "orders"}"#, as: admin) == nil)
        let gone = try Self.failure(&world, "DescribeStream", #"{"StreamName": "orders"}"#, as: admin)
        #expect(gone.type == "ResourceNotFoundException")
    }

    @Test func controlOperationsAnswerInBotocoreShapes() throws {
        var (world, admin) = try TestWorld.make()
        _ = try Self.ok(&world, "CreateStream", #"{"StreamName": "orders", "ShardCount": 2}"#, as: admin)
        let scaled = try #require(try Self.ok(&world, "UpdateShardCount",
            #"{"StreamName": "orders", "TargetShardCount": 4, "ScalingType": "UNIFORM_SCALING"}"#, as: admin))
        #expect(scaled["CurrentShardCount"]?.kind == .number("2"))
        #expect(scaled["TargetShardCount"]?.kind == .number("4"))
        #expect(scaled["StreamARN"]?.stringValue == Self.arn)
        let monitoring = try #require(try Self.ok(&world, "EnableEnhancedMonitoring",
            #"{"StreamName": "orders", "ShardLevelMetrics": ["IncomingBytes"]}"#, as: admin))
        #expect(monitoring["CurrentShardLevelMetrics"] == .array([]))
        #expect(monitoring["DesiredShardLevelMetrics"] == .array([.string("IncomingBytes")]))
        _ = try Self.ok(&world, "DisableEnhancedMonitoring",
            #"{"StreamName": "orders", "ShardLevelMetrics": ["ALL"]}"#, as: admin)
        #expect(try Self.ok(&world, "DecreaseStreamRetentionPeriod",
            #"{"StreamName": "orders", "RetentionPeriodHours": 24}"#, as: admin) == nil)
        #expect(try Self.ok(&world, "TagResource", #"{"ResourceARN": "\#(Self.arn)", "Tags": {"a": "1"}}"#, as: admin) == nil)
        #expect(try Self.ok(&world, "UntagResource", #"{"ResourceARN": "\#(Self.arn)", "TagKeys": ["a"]}"#, as: admin) == nil)
        let noPolicy = try Self.failure(&world, "DeleteResourcePolicy", #"{"ResourceARN": "\#(Self.arn)"}"#, as: admin)
        #expect(noPolicy.type == "ResourceNotFoundException")
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kinesis:DescribeStreamSummary","Resource":"\#(Self.arn)"}]}"#
        #expect(world.perform("PutResourcePolicy", body: .object([("ResourceARN", .string(Self.arn)),
                                                                  ("Policy", .string(policy))]), as: admin).status == 200)
        #expect(try Self.ok(&world, "DeleteResourcePolicy", #"{"ResourceARN": "\#(Self.arn)"}"#, as: admin) == nil)
        let cleared = try Self.ok(&world, "GetResourcePolicy", #"{"ResourceARN": "\#(Self.arn)"}"#, as: admin)
        #expect(cleared?["Policy"]?.stringValue == "{}")
        #expect(try Self.ok(&world, "UpdateStreamMode",
            #"{"StreamARN": "\#(Self.arn)", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}"#, as: admin) == nil)
        let encryption = try Self.ok(&world, "StartStreamEncryption",
            #"{"StreamName": "orders", "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}"#, as: admin)
        #expect(encryption == nil)
        let put = try Self.ok(&world, "PutRecord", #"{"StreamName": "orders", "Data": "", "PartitionKey": "k"}"#, as: admin)
        #expect(put?["EncryptionType"]?.stringValue == "KMS")
        #expect(try Self.ok(&world, "StopStreamEncryption",
            #"{"StreamName": "orders", "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}"#, as: admin) == nil)
    }

    @Test(arguments: [
        ("PutRecord", #"{"StreamName": "orders", "Data": "not base64!", "PartitionKey": "k"}"#, "SerializationException"),
        ("PutRecord", #"{"StreamName": "orders", "Data": "aGVsbG8", "PartitionKey": "k"}"#, "SerializationException"),
        ("PutRecords", #"{"StreamName": "orders", "Records": {"Data": "aGk=", "PartitionKey": "k"}}"#, "SerializationException"),
        ("PutRecords", #"{"StreamName": "orders", "Records": [{"Data": "a@==", "PartitionKey": "k"}]}"#, "SerializationException"),
        ("PutRecord", #"{"StreamName": "orders", "Data": "aGk="}"#, "ValidationException"),
        ("PutRecords", #"{"StreamName": "orders", "Records": [{"Data": "aGk="}]}"#, "ValidationException"),
        ("GetShardIterator", #"{"StreamName": "orders", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": "yesterday"}"#, "SerializationException"),
        ("ListShards", #"{"StreamName": "orders", "ShardFilter": "AT_LATEST"}"#, "SerializationException"),
        ("AddTagsToStream", #"{"StreamName": "orders", "Tags": [{"Key": "a", "Value": "b"}]}"#, "SerializationException"),
    ])
    func malformedMembersFailBeforeTheOperation(operation: String, body: String, type: String) throws {
        var (world, admin) = try TestWorld.make()
        _ = try Self.ok(&world, "CreateStream", #"{"StreamName": "orders", "ShardCount": 1}"#, as: admin)
        let error = try Self.failure(&world, operation, body, as: admin)
        #expect(error.type == type, "\(error.message ?? "")")
    }

    @Test func missingPartitionKeyNamesTheMember() throws {
        var (world, admin) = try TestWorld.make()
        _ = try Self.ok(&world, "CreateStream", #"{"StreamName": "orders", "ShardCount": 1}"#, as: admin)
        let error = try Self.failure(&world, "PutRecord", #"{"StreamName": "orders", "Data": "aGk="}"#, as: admin)
        #expect(error.type == "ValidationException")
        #expect(error.message?.contains("'partitionKey'") == true)
    }

    @Test func supportedOperationsCoverEveryOperation() {
        let expected: Set<String> = [
            "CreateStream", "DeleteStream", "DescribeStreamSummary",
            "PutRecord", "PutRecords", "GetShardIterator", "GetRecords",
            "DescribeStream", "ListShards", "ListStreams", "SplitShard", "MergeShards", "UpdateShardCount",
            "UpdateStreamMode", "DescribeLimits",
            "IncreaseStreamRetentionPeriod", "DecreaseStreamRetentionPeriod", "StartStreamEncryption", "StopStreamEncryption",
            "AddTagsToStream", "RemoveTagsFromStream", "ListTagsForStream", "TagResource", "UntagResource",
            "ListTagsForResource", "PutResourcePolicy", "GetResourcePolicy", "DeleteResourcePolicy",
            "EnableEnhancedMonitoring", "DisableEnhancedMonitoring", "RegisterStreamConsumer", "DescribeStreamConsumer",
            "ListStreamConsumers", "DeregisterStreamConsumer",
        ]
        #expect(expected.count == 34)
        #expect(Set(KinesisWorld.supportedOperations).isSuperset(of: expected))
        #expect(KinesisWorld.supportedOperations.count == 34)
    }
}
