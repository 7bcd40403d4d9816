import Testing
import IAMPolicy
@testable import KinesisSim

/// The authorization scenarios the course teaches for the control plane.
@Suite struct ControlPlaneAuthorizationTests {
    static let streamARN = TestWorld.arn("orders")

    // MARK: (a) an administrator role scoped to the account's streams in one region

    static let adminRolePolicy = #"""
    {"Version":"2012-10-17","Statement":[
      {"Sid":"StreamAdmin","Effect":"Allow","Action":["kinesis:CreateStream","kinesis:DeleteStream","kinesis:DescribeStreamSummary",
        "kinesis:AddTagsToStream","kinesis:RemoveTagsFromStream","kinesis:IncreaseStreamRetentionPeriod","kinesis:DecreaseStreamRetentionPeriod",
        "kinesis:StartStreamEncryption","kinesis:StopStreamEncryption","kinesis:PutResourcePolicy","kinesis:GetResourcePolicy",
        "kinesis:DeleteResourcePolicy"],
       "Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/*"},
      {"Sid":"EncryptionKeys","Effect":"Allow","Action":["kinesis:StartStreamEncryption","kinesis:StopStreamEncryption"],
       "Resource":"arn:aws:kms:us-east-1:111122223333:key/*"}]}
    """#

    @Test func administratorRoleManagesStreamsInItsRegion() throws {
        var (world, _) = try TestWorld.make()
        try world.addRole(IAMRole(name: "kinesis-admin", account: TestWorld.account,
                                  policies: [NamedPolicy(name: "admin", text: Self.adminRolePolicy)]), account: TestWorld.account)
        let admin = try #require(world.session(of: "kinesis-admin", account: TestWorld.account))
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: admin)
        try world.addTagsToStream(AddTagsToStreamInput(.named("orders"), tags: ["env": "prod"]), as: admin)
        try world.removeTagsFromStream(RemoveTagsFromStreamInput(.named("orders"), tagKeys: ["env"]), as: admin)
        try world.increaseStreamRetentionPeriod(StreamRetentionPeriodInput(.named("orders"), retentionPeriodHours: 72), as: admin)
        try world.decreaseStreamRetentionPeriod(StreamRetentionPeriodInput(.named("orders"), retentionPeriodHours: 48), as: admin)
        try world.startStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: "alias/aws/kinesis"), as: admin)
        try world.stopStreamEncryption(StreamEncryptionInput(.named("orders"), keyId: "alias/aws/kinesis"), as: admin)
        try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: Self.streamARN, policy: ResourcePolicyTests.readPolicy), as: admin)
        try world.deleteResourcePolicy(ResourceARNInput(resourceARN: Self.streamARN), as: admin)
        try world.deleteStream(DeleteStreamInput(.named("orders")), as: admin)

        let west = admin.inRegion("us-west-2")
        let error = kinesisError { try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: west) }
        #expect(error?.code == .accessDenied)
        #expect(error?.message.contains("on resource: arn:aws:kinesis:us-west-2:111122223333:stream/orders") == true)
    }

    // MARK: (b) cross-account reads need the identity Allow and the stream's resource policy

    @Test func crossAccountCallerIsAllowedOnlyOnceTheStreamPolicyNamesThem() throws {
        var (world, owner) = try TestWorld.withStream()
        let partner = try TestWorld.user("partner", policy: TestWorld.allow(["kinesis:DescribeStreamSummary"], on: Self.streamARN),
                                         in: &world, account: TestWorld.other)
        let before = kinesisError { _ = try world.describeStreamSummary(.arn(Self.streamARN), as: partner) }
        #expect(before?.code == .accessDenied)

        let grant = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:user/partner"},"Action":"kinesis:DescribeStreamSummary","Resource":"\#(Self.streamARN)"}]}"#
        try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: Self.streamARN, policy: grant), as: owner)
        #expect(try world.describeStreamSummary(.arn(Self.streamARN), as: partner).streamName == "orders")
    }

    @Test func resourcePolicyAloneDoesNotGrantCrossAccountAccess() throws {
        var (world, owner) = try TestWorld.withStream()
        let grant = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kinesis:DescribeStreamSummary","Resource":"\#(Self.streamARN)"}]}"#
        try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: Self.streamARN, policy: grant), as: owner)
        let stranger = try TestWorld.user("stranger", policy: TestWorld.allow(["kinesis:ListStreams"]), in: &world, account: TestWorld.other)
        let error = kinesisError { _ = try world.describeStreamSummary(.arn(Self.streamARN), as: stranger) }
        #expect(error?.code == .accessDenied)
    }

    // MARK: (c) tag-based access control

    @Test(arguments: [("prod-orders", "prod", true), ("dev-orders", "dev", false)])
    func resourceTagConditionAllowsOnlyMatchingStreams(stream: String, env: String, allowed: Bool) throws {
        var (world, admin) = try TestWorld.make()
        try world.createStream(CreateStreamInput(streamName: stream, shardCount: 1, tags: ["env": env]), as: admin)
        let reader = try TestWorld.user("reader", policy: #"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:DescribeStreamSummary","Resource":"*",
          "Condition":{"StringEquals":{"aws:ResourceTag/env":"prod"}}}]}
        """#, in: &world)
        if allowed {
            #expect(try world.describeStreamSummary(.named(stream), as: reader).streamName == stream)
        } else {
            let error = kinesisError { _ = try world.describeStreamSummary(.named(stream), as: reader) }
            #expect(error?.code == .accessDenied)
        }
    }

    @Test(arguments: [(["env": "prod"], false), (["env": "prod", "owner": "team-a"], true)])
    func tagsMustNameAnOwner(tags: [String: String], allowed: Bool) throws {
        var (world, _) = try TestWorld.withStream()
        let tagger = try TestWorld.user("tagger", policy: #"""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["kinesis:AddTagsToStream","kinesis:ListTagsForStream"],"Resource":"*"},
          {"Effect":"Deny","Action":"kinesis:AddTagsToStream","Resource":"*","Condition":{"Null":{"aws:RequestTag/owner":"true"}}}]}
        """#, in: &world)
        let input = AddTagsToStreamInput(.named("orders"), tags: tags)
        if allowed {
            try world.addTagsToStream(input, as: tagger)
            #expect(try world.listTagsForStream(ListTagsForStreamInput(.named("orders")), as: tagger).tags.count == 2)
        } else {
            let error = kinesisError { try world.addTagsToStream(input, as: tagger) }
            #expect(error?.code == .accessDenied)
            #expect(error?.message.contains("explicit deny in an identity-based policy") == true)
        }
    }

    @Test func untaggingExposesTheKeysAsTagKeys() throws {
        var (world, _) = try TestWorld.withStream(tags: ["owner": "a", "env": "prod"])
        let user = try TestWorld.user("untagger", policy: #"""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"kinesis:RemoveTagsFromStream","Resource":"*"},
          {"Effect":"Deny","Action":"kinesis:RemoveTagsFromStream","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":"owner"}}}]}
        """#, in: &world)
        try world.removeTagsFromStream(RemoveTagsFromStreamInput(.named("orders"), tagKeys: ["env"]), as: user)
        let error = kinesisError { try world.removeTagsFromStream(RemoveTagsFromStreamInput(.named("orders"), tagKeys: ["owner"]), as: user) }
        #expect(error?.code == .accessDenied)
    }

    // MARK: (d) a customer managed key's policy must enable the account

    @Test(arguments: [
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/key-admin"},"Action":"kms:*","Resource":"*"}]}"#, false),
        (StreamEncryptionTests.enablingRootKeyPolicy(), true),
    ])
    func keyPolicyMustEnableTheAccount(keyPolicy: String, succeeds: Bool) throws {
        var (world, _) = try StreamEncryptionTests.withKey(keyPolicy: keyPolicy)
        let ops = try TestWorld.user("ops", policy: TestWorld.allow(["kinesis:*", "kms:*"]), in: &world)
        let input = StreamEncryptionInput(.named("orders"), keyId: StreamEncryptionTests.keyARN)
        if succeeds {
            try world.startStreamEncryption(input, as: ops)
            #expect(try world.describeStreamSummary(.named("orders"), as: ops).encryptionType == "KMS")
        } else {
            let error = kinesisError { try world.startStreamEncryption(input, as: ops) }
            #expect(error?.code == .kmsAccessDenied)
            #expect(try world.describeStreamSummary(.named("orders"), as: ops).encryptionType == "NONE")
        }
    }

    // MARK: (e), (f) network and transport guards in the stream's resource policy

    static let vpceLock = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"kinesis:*","Resource":"\#(streamARN)","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-0a1b2c3d"}}}]}"#
    static let httpsOnly = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"kinesis:*","Resource":"\#(streamARN)","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#

    @Test(arguments: [
        (vpceLock, Connection.publicHTTPS, false),
        (vpceLock, Connection(endpoint: .vpcEndpoint(id: "vpce-0a1b2c3d", vpc: "vpc-1"), sourceIP: "10.0.1.5"), true),
        (vpceLock, Connection(endpoint: .vpcEndpoint(id: "vpce-99999999", vpc: "vpc-1"), sourceIP: "10.0.1.5"), false),
        (httpsOnly, Connection(endpoint: .plainHTTP), false),
        (httpsOnly, Connection.publicHTTPS, true),
    ])
    func streamPolicyGuardsTheConnection(policy: String, connection: Connection, allowed: Bool) throws {
        var (world, admin) = try TestWorld.withStream()
        try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: Self.streamARN, policy: policy), as: admin)
        let caller = admin.over(connection)
        if allowed {
            #expect(try world.describeStreamSummary(.named("orders"), as: caller).streamName == "orders")
            try world.addTagsToStream(AddTagsToStreamInput(.named("orders"), tags: ["via": "ok"]), as: caller)
        } else {
            let error = kinesisError { _ = try world.describeStreamSummary(.named("orders"), as: caller) }
            #expect(error?.code == .accessDenied)
            #expect(error?.message.contains("explicit deny in a resource-based policy") == true)
            let tagError = kinesisError { try world.addTagsToStream(AddTagsToStreamInput(.named("orders"), tags: ["via": "no"]), as: caller) }
            #expect(tagError?.code == .accessDenied)
        }
    }
}
