import Testing
import IAMPolicy
@testable import KinesisSim

/// The keys AWS sets together on a request (spec: access-analysis.md, "Keys AWS sets
/// together"): `aws:RequestedRegion` follows the resource called, the KMS calls Kinesis makes
/// for a stream carry `kms:ViaService`, `kms:CallerAccount` and the stream in the encryption
/// context, and every principal with an account has `aws:PrincipalAccount`.
@Suite struct RequestContextTests {
    static let account = TestWorld.account
    static let keyId = "1234abcd-12ab-34cd-56ef-1234567890ab"
    static let keyARN = "arn:aws:kms:us-east-1:111122223333:key/\(keyId)"
    static let streamARN = TestWorld.arn("s")
    static let userARN = "arn:aws:iam::111122223333:user/app"

    // MARK: KMS calls Kinesis makes for the caller

    /// A world with stream `s` encrypted with a key whose policy lets user `app` use it only
    /// under `condition`; `app`'s own policy grants Kinesis actions and no KMS action.
    static func encrypted(keyCondition condition: String) throws -> (KinesisWorld, Caller) {
        var (world, _) = try DataWorld.make()
        let keyPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"\(userARN)"},
          "Action":["kms:GenerateDataKey","kms:Decrypt"],"Resource":"*","Condition":\(condition)}]}
        """
        world.addKey(KMSKey(id: keyId, account: account, region: TestWorld.region,
                            keyPolicy: try NamedPolicy(name: "key-policy", text: keyPolicy, type: .resource)))
        world.accounts[account]!.streams[TestWorld.region]!["s"]!.encryption = .kms(keyId: keyARN)
        let app = try TestWorld.user("app", policy: """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Action":["kinesis:PutRecord","kinesis:GetShardIterator","kinesis:GetRecords"],"Resource":"\(streamARN)"}]}
        """, in: &world)
        return (world, app)
    }

    static let keyConditions: [(String, Bool)] = [
        (#"{"StringEquals":{"kms:ViaService":"kinesis.us-east-1.amazonaws.com","kms:CallerAccount":"111122223333"}}"#, true),
        (#"{"StringEquals":{"kms:CallerAccount":"444455556666"}}"#, false),
        (#"{"StringEquals":{"kms:ViaService":"kinesis.us-west-2.amazonaws.com"}}"#, false),
        (#"{"StringEquals":{"kms:EncryptionContext:aws:kinesis:arn":"arn:aws:kinesis:us-east-1:111122223333:stream/s"}}"#, true),
        (#"{"StringEquals":{"kms:EncryptionContext:aws:kinesis:arn":"arn:aws:kinesis:us-east-1:111122223333:stream/other"}}"#, false),
        (#"{"ForAnyValue:StringEquals":{"kms:EncryptionContextKeys":"aws:kinesis:arn"}}"#, true),
        (#"{"Bool":{"aws:ViaAWSService":"true"},"ForAnyValue:StringEquals":{"aws:CalledVia":"kinesis.amazonaws.com"}}"#, true),
        (#"{"StringEquals":{"aws:CalledViaFirst":"kinesis.amazonaws.com","aws:CalledViaLast":"kinesis.amazonaws.com"}}"#, true),
        (#"{"StringEquals":{"aws:RequestedRegion":"us-east-1","aws:PrincipalAccount":"111122223333"}}"#, true),
        // The caller's network keys stay with the caller's own request.
        (#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, false),
        (#"{"Null":{"aws:SourceIp":"true","aws:SourceVpce":"true","aws:SourceVpc":"true","aws:VpcSourceIp":"true"}}"#, true),
    ]

    @Test("A key policy condition on the keys of Kinesis's KMS call decides PutRecord", arguments: keyConditions)
    func keyPolicyConditionDecidesWrite(condition: String, allowed: Bool) throws {
        var (world, app) = try Self.encrypted(keyCondition: condition)
        if allowed {
            #expect(try DataWorld.put(&world, app, key: "k").encryptionType == "KMS")
        } else {
            let error = DataWorld.expectError(.kmsAccessDenied) { try DataWorld.put(&world, app, key: "k") }
            #expect(error?.message.contains("kms:GenerateDataKey") == true)
        }
    }

    @Test func decryptThroughKinesisCarriesTheSameKeys() throws {
        var (world, app) = try Self.encrypted(keyCondition: """
        {"StringEquals":{"kms:ViaService":"kinesis.us-east-1.amazonaws.com","kms:CallerAccount":"111122223333",
          "kms:EncryptionContext:aws:kinesis:arn":"\(Self.streamARN)"}}
        """)
        try DataWorld.put(&world, app, key: "k", data: "secret")
        let it = try DataWorld.iterator(&world, app)
        let records = try world.getRecords(GetRecordsInput(shardIterator: it), as: app).records
        #expect(records.map(\.encryptionType) == ["KMS"])
    }

    @Test func decryptForAnotherStreamIsKMSAccessDenied() throws {
        var (world, app) = try Self.encrypted(keyCondition: #"{"Bool":{"aws:SecureTransport":"true"}}"#)
        // Writing is unconditional; reading is allowed only for another stream's records.
        world.accounts[Self.account]!.keys[Self.keyId]!.keyPolicy = try NamedPolicy(name: "key-policy", text: """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":{"AWS":"\(Self.userARN)"},"Action":"kms:GenerateDataKey","Resource":"*"},
          {"Effect":"Allow","Principal":{"AWS":"\(Self.userARN)"},"Action":"kms:Decrypt","Resource":"*",
           "Condition":{"StringEquals":{"kms:EncryptionContext:aws:kinesis:arn":"\(TestWorld.arn("other"))"}}}]}
        """, type: .resource)
        try DataWorld.put(&world, app, key: "k")
        let it = try DataWorld.iterator(&world, app)
        let error = DataWorld.expectError(.kmsAccessDenied) { _ = try world.getRecords(GetRecordsInput(shardIterator: it), as: app) }
        #expect(error?.message.contains("kms:Decrypt") == true)
    }

    @Test func forwardedContextNamesKinesisAndDropsTheCallersNetworkKeys() throws {
        let (world, admin) = try TestWorld.make()
        let overEndpoint = admin.over(Connection(endpoint: .vpcEndpoint(id: "vpce-0a1b2c3d", vpc: "vpc-11aa"), sourceIP: "10.0.1.5"))
        for caller in [admin, overEndpoint] {
            let direct = world.context(for: caller)
            let forwarded = world.forwardedContext(for: caller, via: "kinesis", region: "us-west-2")
            #expect(KinesisWorld.networkKeys.contains { direct[$0] != nil })
            #expect(KinesisWorld.networkKeys.allSatisfy { forwarded[$0] == nil })
            #expect(forwarded["aws:ViaAWSService"] == .boolean(true))
            #expect(forwarded["aws:CalledVia"] == .stringList(["kinesis.amazonaws.com"]))
            #expect(forwarded["aws:RequestedRegion"] == .string("us-west-2"))
            #expect(forwarded["aws:PrincipalAccount"] == .string(Self.account))
            #expect(forwarded["aws:SecureTransport"] == direct["aws:SecureTransport"])
        }
    }

    // MARK: aws:RequestedRegion

    static let westOnly = #"""
    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kinesis:PutRecord","kinesis:ListStreams"],"Resource":"*",
      "Condition":{"StringEquals":{"aws:RequestedRegion":"us-west-2"}}}]}
    """#

    /// Streams `s` in us-east-1 and `w` in us-west-2, and user `app` (sending to us-east-1)
    /// allowed only in us-west-2.
    static func twoRegions() throws -> (KinesisWorld, Caller) {
        var (world, admin) = try DataWorld.make()
        try world.createStream(CreateStreamInput(streamName: "w", shardCount: 1), as: admin.inRegion("us-west-2"))
        let app = try TestWorld.user("app", policy: westOnly, in: &world)
        #expect(app.region == "us-east-1")
        return (world, app)
    }

    @Test func accessQueryJudgesTheStreamsRegionNotTheCallers() throws {
        let (world, app) = try Self.twoRegions()
        let west = TestWorld.arn("w", region: "us-west-2")
        #expect(world.decision(AccessQuery(caller: app, action: "kinesis:PutRecord", resource: west)) == .allowed)
        #expect(world.decision(AccessQuery(caller: app, action: "kinesis:PutRecord", resource: Self.streamARN)) == .implicitDeny)
        let (request, _) = world.authorizationInput(AccessQuery(caller: app, action: "kinesis:PutRecord", resource: west))
        #expect(request.context["aws:RequestedRegion"] == .string("us-west-2"))
    }

    @Test func callsWithoutAResourceUseTheCallersRegion() throws {
        let (world, app) = try Self.twoRegions()
        #expect(world.decision(AccessQuery(caller: app, action: "kinesis:ListStreams", resource: "*")) == .implicitDeny)
        #expect(world.decision(AccessQuery(caller: app.inRegion("us-west-2"), action: "kinesis:ListStreams", resource: "*")) == .allowed)
        // A resource ARN without a region (IAM's) keeps the caller's too.
        let (request, _) = world.authorizationInput(AccessQuery(caller: app, action: "sts:AssumeRole",
                                                                resource: "arn:aws:iam::111122223333:role/r"))
        #expect(request.context["aws:RequestedRegion"] == .string("us-east-1"))
    }

    @Test func putRecordIsJudgedInTheStreamsRegion() throws {
        var (world, app) = try Self.twoRegions()
        let west = app.inRegion("us-west-2")
        #expect(try DataWorld.put(&world, west, key: "k", stream: "w").shardId.isEmpty == false)
        DataWorld.expectError(.accessDenied) { try DataWorld.put(&world, app, key: "k") }
    }

    // MARK: Direct KMS calls

    @Test func directKMSCallCarriesCallerAccount() throws {
        var (world, _) = try TestWorld.make()
        // The AWS managed keys' pattern: anyone in the account, through the account check.
        world.addKey(KMSKey(id: Self.keyId, account: Self.account, region: TestWorld.region, keyPolicy: try NamedPolicy(
            name: "key-policy", text: """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*",
              "Condition":{"StringEquals":{"kms:CallerAccount":"111122223333"}}}]}
            """, type: .resource)))
        let decrypt = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}"#
        let insider = try TestWorld.user("insider", policy: decrypt, in: &world)
        let outsider = try TestWorld.user("outsider", policy: decrypt, in: &world, account: TestWorld.other)
        let query = AccessQuery(caller: insider, action: "kms:Decrypt", resource: Self.keyARN)
        #expect(world.authorizationInput(query).0.context["kms:CallerAccount"] == .string(Self.account))
        #expect(world.decision(query) == .allowed)
        #expect(world.decision(AccessQuery(caller: outsider, action: "kms:Decrypt", resource: Self.keyARN)) == .implicitDeny)
        // Kinesis's own actions are not KMS requests.
        let kinesis = AccessQuery(caller: insider, action: "kinesis:PutRecord", resource: Self.streamARN)
        #expect(world.authorizationInput(kinesis).0.context["kms:CallerAccount"] == nil)
    }

    // MARK: aws:PrincipalAccount

    @Test func everyPrincipalWithAnAccountHasPrincipalAccount() throws {
        var (world, admin) = try TestWorld.make()
        let allow = TestWorld.adminPolicy
        let other = try TestWorld.user("partner", policy: allow, in: &world, account: TestWorld.other)
        world.addRole(IAMRole(name: "worker", account: Self.account, trustPolicy: try NamedPolicy(name: "trust", text: """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}
            """, type: .trust), policies: [try NamedPolicy(name: "all", text: allow)]), account: Self.account)
        let session = try #require(world.session(of: "worker", account: Self.account))
        let assumed = try world.assumeRole("worker", account: Self.account, sessionName: "s1", by: admin)
        let callers: [(Caller, String)] = [(admin, Self.account), (other, TestWorld.other), (session, Self.account), (assumed, Self.account)]
        for (caller, account) in callers {
            #expect(world.context(for: caller)["aws:PrincipalAccount"] == .string(account), "\(caller.principal.arn)")
            let query = AccessQuery(caller: caller, action: "kinesis:ListStreams", resource: "*")
            #expect(world.authorizationInput(query).0.context["aws:PrincipalAccount"] == .string(account))
        }
    }
}
