import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct KMSRecordTests {
    static let keyPolicy = #"""
    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}
    """#

    /// A stream encrypted with a customer managed key whose policy defers to IAM.
    static func encrypted() throws -> (KinesisWorld, Caller, KMSKey) {
        var (world, admin) = try DataWorld.make()
        let key = KMSKey(id: "1234abcd-12ab-34cd-56ef-1234567890ab", account: TestWorld.account, region: TestWorld.region,
                         keyPolicy: try NamedPolicy(name: "key-policy", text: keyPolicy, type: .resource))
        world.addKey(key)
        world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.encryption = .kms(keyId: key.arn)
        return (world, admin, key)
    }

    static func user(_ name: String, actions: [String], in world: inout KinesisWorld) throws -> Caller {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ",")
        return try TestWorld.user(name, policy: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[\#(list)],"Resource":"*"}]}"#, in: &world)
    }

    @Test func producerWithGenerateDataKeyWritesEncryptedRecords() throws {
        var (world, _, _) = try Self.encrypted()
        let producer = try Self.user("producer", actions: ["kinesis:PutRecord", "kinesis:PutRecords", "kms:GenerateDataKey"], in: &world)
        let one = try DataWorld.put(&world, producer, key: "k")
        #expect(one.encryptionType == "KMS")
        let many = try world.putRecords(PutRecordsInput(.named("s"), records: [PutRecordsRequestEntry(data: [1], partitionKey: "k")]), as: producer)
        #expect(many.encryptionType == "KMS")
    }

    @Test func producerWithoutGenerateDataKeyIsKMSAccessDenied() throws {
        var (world, _, key) = try Self.encrypted()
        let producer = try Self.user("producer", actions: ["kinesis:PutRecord", "kinesis:PutRecords"], in: &world)
        let error = DataWorld.expectError(.kmsAccessDenied) { try DataWorld.put(&world, producer, key: "k") }
        #expect(error?.message.contains("kms:GenerateDataKey on resource: \(key.arn)") == true)
        DataWorld.expectError(.kmsAccessDenied) {
            _ = try world.putRecords(PutRecordsInput(.named("s"), records: [PutRecordsRequestEntry(data: [1], partitionKey: "k")]), as: producer)
        }
        #expect(DataWorld.stream(world)?.shards[0].records.count == 0)
    }

    @Test func consumerNeedsDecryptOnlyForEncryptedRecords() throws {
        var (world, admin, _) = try Self.encrypted()
        let consumer = try Self.user("consumer", actions: ["kinesis:GetShardIterator", "kinesis:GetRecords"], in: &world)
        let it = try DataWorld.iterator(&world, consumer)
        // Nothing encrypted to return yet: no KMS call.
        #expect(try world.getRecords(GetRecordsInput(shardIterator: it), as: consumer).records.isEmpty)
        try DataWorld.put(&world, admin, key: "k")
        world.advance(milliseconds: 1000)
        let error = DataWorld.expectError(.kmsAccessDenied) { _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: consumer) }
        #expect(error?.message.contains("kms:Decrypt") == true)

        let reader = try Self.user("reader", actions: ["kinesis:GetShardIterator", "kinesis:GetRecords", "kms:Decrypt"], in: &world)
        let records = try world.getRecords(GetRecordsInput(shardIterator: it), as: reader).records
        #expect(records.map(\.encryptionType) == ["KMS"])
    }

    @Test func recordsWrittenBeforeEncryptionStayUnencrypted() throws {
        var (world, admin) = try DataWorld.make()
        try DataWorld.put(&world, admin, key: "k", data: "plain")
        let key = world.addAWSManagedKinesisKey(account: TestWorld.account, region: TestWorld.region)
        world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.encryption = .kms(keyId: "alias/aws/kinesis")
        try DataWorld.put(&world, admin, key: "k", data: "secret")
        let it = try DataWorld.iterator(&world, admin)
        let records = try world.getRecords(GetRecordsInput(shardIterator: it), as: admin).records
        #expect(records.map(\.encryptionType) == [nil, "KMS"])
        #expect(DataWorld.stream(world)?.shards[0].records.keyId(1) == "alias/aws/kinesis")
        #expect(key.awsManaged)
    }

    @Test func awsManagedKeyNeedsNoKMSGrant() throws {
        var (world, _) = try DataWorld.make()
        world.addAWSManagedKinesisKey(account: TestWorld.account, region: TestWorld.region)
        world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.encryption = .kms(keyId: "alias/aws/kinesis")
        let user = try Self.user("plain", actions: ["kinesis:PutRecord", "kinesis:GetShardIterator", "kinesis:GetRecords"], in: &world)
        #expect(try DataWorld.put(&world, user, key: "k").encryptionType == "KMS")
        let it = try DataWorld.iterator(&world, user)
        #expect(try world.getRecords(GetRecordsInput(shardIterator: it), as: user).records.first?.encryptionType == "KMS")
    }

    @Test("unusable keys fail writes with the KMS error", arguments: [
        (KMSKey.State.disabled, KinesisError.Code.kmsDisabled), (.pendingDeletion, .kmsInvalidState),
    ])
    func unusableKeysFailWrites(state: KMSKey.State, code: KinesisError.Code) throws {
        var (world, admin, key) = try Self.encrypted()
        var changed = key
        changed.state = state
        world.addKey(changed)
        DataWorld.expectError(code) { try DataWorld.put(&world, admin, key: "k") }
    }

    @Test func missingKeyIsKMSNotFound() throws {
        var (world, admin) = try DataWorld.make()
        world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.encryption = .kms(keyId: "alias/gone")
        DataWorld.expectError(.kmsNotFound) { try DataWorld.put(&world, admin, key: "k") }
    }
}
