import Testing
import IAMPolicy
@testable import KinesisSim

/// The course's four role policies, run as role sessions against a stream encrypted with a
/// customer managed key and reached through a VPC endpoint.
@Suite struct RolePolicyTests {
    static let account = TestWorld.account
    static let orders = TestWorld.arn("orders")
    static let keyId = "1234abcd-12ab-34cd-56ef-1234567890ab"
    static let keyARN = "arn:aws:kms:us-east-1:111122223333:key/\(keyId)"
    static let endpoint = Connection(endpoint: .vpcEndpoint(id: "vpce-0a1b2c3d", vpc: "vpc-11aa"), sourceIP: "10.0.1.5")

    static let producer = """
    {"Version":"2012-10-17","Statement":[
      {"Sid":"Write","Effect":"Allow","Action":["kinesis:DescribeStream","kinesis:PutRecord","kinesis:PutRecords"],"Resource":"\(orders)",
       "Condition":{"StringEquals":{"aws:SourceVpce":"vpce-0a1b2c3d"}}},
      {"Sid":"Key","Effect":"Allow","Action":"kms:GenerateDataKey","Resource":"\(keyARN)"}]}
    """
    static let consumer = """
    {"Version":"2012-10-17","Statement":[
      {"Sid":"Read","Effect":"Allow","Action":["kinesis:GetRecords","kinesis:GetShardIterator","kinesis:DescribeStream","kinesis:DescribeStreamSummary","kinesis:ListShards"],"Resource":"\(orders)"},
      {"Sid":"Key","Effect":"Allow","Action":"kms:Decrypt","Resource":"\(keyARN)"}]}
    """
    static let resharding = """
    {"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":["kinesis:SplitShard","kinesis:MergeShards","kinesis:DescribeStreamSummary","kinesis:ListShards"],"Resource":"\(orders)"}]}
    """
    static let administrator = """
    {"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":["kinesis:CreateStream","kinesis:DeleteStream","kinesis:AddTagsToStream","kinesis:RemoveTagsFromStream","kinesis:DescribeStreamSummary"],
       "Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/*"}]}
    """

    /// The world: stream `orders` (2 shards) encrypted with the key, roles for the four jobs.
    static func world() throws -> (KinesisWorld, [String: Caller]) {
        var (world, admin) = try TestWorld.make()
        world.addKey(KMSKey(id: keyId, account: account, region: "us-east-1", keyPolicy: try NamedPolicy(
            name: "key-policy", text: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}"#,
            type: .resource)))
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 2), as: admin)
        try world.startStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: keyARN), as: admin)
        var callers: [String: Caller] = [:]
        for (name, text) in [("producer", producer), ("consumer", consumer), ("resharding", resharding), ("administrator", administrator)] {
            world.addRole(IAMRole(name: name, account: account, policies: [try NamedPolicy(name: name, text: text)]), account: account)
            callers[name] = try #require(world.session(of: name, account: account))
        }
        return (world, callers)
    }

    static func put(_ world: inout KinesisWorld, as caller: Caller) throws -> PutRecordOutput {
        try world.putRecord(PutRecordInput(.named("orders"), data: Array("order-1".utf8), partitionKey: "c1"), as: caller)
    }

    @Test func producerWritesOnlyThroughTheEndpointAndCannotRead() throws {
        var (world, c) = try Self.world()
        let producer = try #require(c["producer"])
        let overInternet = #expect(throws: KinesisError.self) { try Self.put(&world, as: producer) }
        #expect(overInternet?.code == .accessDenied)
        let out = try Self.put(&world, as: producer.over(Self.endpoint))
        #expect(out.encryptionType == "KMS")
        let read = #expect(throws: KinesisError.self) {
            try world.getShardIterator(GetShardIteratorInput(.named("orders"), shardId: out.shardId, shardIteratorType: "TRIM_HORIZON"),
                                       as: producer.over(Self.endpoint))
        }
        #expect(read?.code == .accessDenied)
        #expect(read?.message.contains("kinesis:GetShardIterator") == true)
    }

    @Test func consumerReadsAndDecryptsButCannotWrite() throws {
        var (world, c) = try Self.world()
        let written = try Self.put(&world, as: try #require(c["producer"]).over(Self.endpoint))
        let consumer = try #require(c["consumer"])
        let iterator = try world.getShardIterator(
            GetShardIteratorInput(.named("orders"), shardId: written.shardId, shardIteratorType: "TRIM_HORIZON"), as: consumer)
        let page = try world.getRecords(GetRecordsInput(shardIterator: iterator.shardIterator), as: consumer)
        #expect(page.records.map { String(decoding: $0.data, as: UTF8.self) } == ["order-1"])
        let write = #expect(throws: KinesisError.self) { try Self.put(&world, as: consumer) }
        #expect(write?.code == .accessDenied)
    }

    @Test func consumerWithoutDecryptGetsKMSAccessDenied() throws {
        var (world, c) = try Self.world()
        let written = try Self.put(&world, as: try #require(c["producer"]).over(Self.endpoint))
        let noKey = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kinesis:GetRecords","kinesis:GetShardIterator"],"Resource":"\(Self.orders)"}]}
        """
        world.addRole(IAMRole(name: "reader", account: Self.account, policies: [try NamedPolicy(name: "r", text: noKey)]), account: Self.account)
        let reader = try #require(world.session(of: "reader", account: Self.account))
        let iterator = try world.getShardIterator(
            GetShardIteratorInput(.named("orders"), shardId: written.shardId, shardIteratorType: "TRIM_HORIZON"), as: reader)
        let error = #expect(throws: KinesisError.self) {
            try world.getRecords(GetRecordsInput(shardIterator: iterator.shardIterator), as: reader)
        }
        #expect(error?.code == .kmsAccessDenied)
    }

    @Test func reshardingOperatorSplitsButNeitherWritesNorDeletes() throws {
        var (world, c) = try Self.world()
        let operatorRole = try #require(c["resharding"])
        try world.splitShard(SplitShardInput(.named("orders"), shardToSplit: "shardId-000000000000",
                                             newStartingHashKey: "85070591730234615865843651857942052864"), as: operatorRole)
        #expect(try world.describeStreamSummary(.named("orders"), as: operatorRole).openShardCount == 3)
        #expect((#expect(throws: KinesisError.self) { try Self.put(&world, as: operatorRole) })?.code == .accessDenied)
        #expect((#expect(throws: KinesisError.self) {
            try world.deleteStream(DeleteStreamInput(.named("orders")), as: operatorRole)
        })?.code == .accessDenied)
    }

    @Test func administratorManagesStreamsButCannotReadData() throws {
        var (world, c) = try Self.world()
        let admin = try #require(c["administrator"])
        try world.createStream(CreateStreamInput(streamName: "payments", shardCount: 1), as: admin)
        try world.addTagsToStream(AddTagsToStreamInput(.named("payments"), tags: ["team": "billing"]), as: admin)
        try world.deleteStream(DeleteStreamInput(.named("payments")), as: admin)
        let read = #expect(throws: KinesisError.self) {
            try world.getShardIterator(GetShardIteratorInput(.named("orders"), shardId: "shardId-000000000000",
                                                             shardIteratorType: "TRIM_HORIZON"), as: admin)
        }
        #expect(read?.code == .accessDenied)
    }
}
