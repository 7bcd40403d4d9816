import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct StreamEncryptionTests {
    static let keyId = "1234abcd-12ab-34cd-56ef-1234567890ab"
    static let keyARN = "arn:aws:kms:us-east-1:111122223333:key/\(keyId)"

    static func enablingRootKeyPolicy(account: String = TestWorld.account) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Sid":"EnableIAM","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(account):root"},"Action":"kms:*","Resource":"*"}]}"#
    }

    /// A world with stream `orders` and a customer managed key (alias `alias/orders-key`) in `state`.
    static func withKey(_ state: KMSKey.State = .enabled, keyPolicy: String = enablingRootKeyPolicy(),
                        settings: WorldSettings = .instant) throws -> (KinesisWorld, Caller) {
        var (world, admin) = try TestWorld.withStream(settings: settings)
        world.addKey(KMSKey(id: keyId, account: TestWorld.account, region: TestWorld.region, aliases: ["alias/orders-key"],
                            keyPolicy: try NamedPolicy(name: "key-policy", text: keyPolicy, type: .resource), state: state))
        return (world, admin)
    }

    @Test(arguments: [keyId, keyARN, "alias/orders-key", "arn:aws:kms:us-east-1:111122223333:alias/orders-key"])
    func startWithAnyFormOfKeyIdShowsKMSAndTheKeyId(keyId: String) throws {
        var (world, admin) = try Self.withKey()
        try world.startStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: keyId), as: admin)
        let summary = try world.describeStreamSummary(.named("orders"), as: admin)
        #expect(summary.encryptionType == "KMS")
        #expect(summary.keyId == keyId)
    }

    @Test func awsManagedAliasCreatesTheKeyOnFirstUse() throws {
        var (world, admin) = try TestWorld.withStream()
        #expect(world.key(named: "alias/aws/kinesis", account: TestWorld.account, region: TestWorld.region) == nil)
        try world.startStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: "alias/aws/kinesis"), as: admin)
        let key = try #require(world.key(named: "alias/aws/kinesis", account: TestWorld.account, region: TestWorld.region))
        #expect(key.awsManaged)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).keyId == "alias/aws/kinesis")
    }

    @Test func startAndStopPassThroughUpdating() throws {
        var settings = WorldSettings.instant
        settings.updatingMilliseconds = 300
        var (world, admin) = try Self.withKey(settings: settings)
        try world.startStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: Self.keyARN), as: admin)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).streamStatus == .updating)
        let busy = kinesisError { try world.stopStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: Self.keyARN), as: admin) }
        #expect(busy?.code == .resourceInUse)
        world.advance(milliseconds: 300)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).streamStatus == .active)
        try world.stopStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: Self.keyARN), as: admin)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).streamStatus == .updating)
        world.advance(milliseconds: 300)
        let summary = try world.describeStreamSummary(.named("orders"), as: admin)
        #expect(summary.streamStatus == .active)
        #expect(summary.encryptionType == "NONE")
        #expect(summary.keyId == nil)
    }

    @Test func stopAcceptsAnotherNameOfTheCurrentKey() throws {
        var (world, admin) = try Self.withKey()
        try world.startStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: "alias/orders-key"), as: admin)
        try world.stopStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: Self.keyId), as: admin)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).encryptionType == "NONE")
    }

    @Test func stopWithAnotherKeyIsInvalidArgument() throws {
        var (world, admin) = try Self.withKey()
        try world.startStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: Self.keyARN), as: admin)
        let error = kinesisError { try world.stopStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: "alias/aws/kinesis"), as: admin) }
        #expect(error?.code == .invalidArgument)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).encryptionType == "KMS")
    }

    @Test func stopOnUnencryptedStreamIsInvalidArgument() throws {
        var (world, admin) = try Self.withKey()
        let error = kinesisError { try world.stopStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: Self.keyARN), as: admin) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == "Stream orders under account 111122223333 is not encrypted.")
    }

    @Test(arguments: [
        (StreamEncryptionInput(.named("orders"), encryptionType: "NONE", keyId: keyARN), KinesisError.Code.invalidArgument),
        (StreamEncryptionInput(.named("orders"), encryptionType: "AES", keyId: keyARN), .validation),
        (StreamEncryptionInput(.named("orders"), encryptionType: nil, keyId: keyARN), .validation),
        (StreamEncryptionInput(.named("orders"), keyId: nil), .validation),
        (StreamEncryptionInput(.named("orders"), keyId: ""), .validation),
        (StreamEncryptionInput(.named("nope"), keyId: keyARN), .resourceNotFound),
        (StreamEncryptionInput(.named("orders"), keyId: "alias/missing"), .kmsNotFound),
    ])
    func badStartRequestIsRefused(input: StreamEncryptionInput, code: KinesisError.Code) throws {
        var (world, admin) = try Self.withKey()
        let error = kinesisError { try world.startStreamEncryption(input, as: admin) }
        #expect(error?.code == code)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).encryptionType == "NONE")
    }

    @Test(arguments: [(KMSKey.State.disabled, KinesisError.Code.kmsDisabled), (.pendingDeletion, .kmsInvalidState)])
    func unusableKeyIsKMSError(state: KMSKey.State, code: KinesisError.Code) throws {
        var (world, admin) = try Self.withKey(state)
        let error = kinesisError { try world.startStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: Self.keyARN), as: admin) }
        #expect(error?.code == code)
    }

    @Test func kinesisStatementMustNameTheKeyToo() throws {
        var (world, _) = try Self.withKey()
        let user = try TestWorld.user("ops", policy: #"""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["kinesis:StartStreamEncryption","kinesis:DescribeStreamSummary"],"Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/orders"},
          {"Effect":"Allow","Action":"kms:*","Resource":"*"}]}
        """#, in: &world)
        let error = kinesisError { try world.startStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: Self.keyARN), as: user) }
        #expect(error?.code == .accessDenied)
        #expect(error?.message.contains("on resource: \(Self.keyARN)") == true)
    }
}
