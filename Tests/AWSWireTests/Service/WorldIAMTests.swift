import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// One world for in-process use and `serve`: what a lab builds in the world (a managed
/// policy, an attachment) is what IAM answers on the wire, and what IAM calls change on the
/// wire is what the world holds.
@Suite struct WorldIAMTests {
    static let start = AWSServiceTests.start
    static let account = AWSService.defaultAccount
    static let writerDocument = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kinesis:PutRecord","kinesis:ListStreams"],"Resource":"*"}]}"#

    /// A world with stream `orders`, managed policy `writer` (path `/team/`) and role
    /// `producer` whose only grant is that policy, attached.
    static func world() throws -> (KinesisWorld, String) {
        var world = KinesisWorld(settings: .instant)
        let policy = ManagedPolicy(name: "writer", owner: account, path: "/team/", description: "writes",
                                   document: try NamedPolicy(name: "writer", text: writerDocument), createDate: world.now)
        world.addManagedPolicy(policy)
        world.addRole(IAMRole(name: "producer", account: account, attachedPolicies: [policy.arn]), account: account)
        let root = Caller(principal: Principal(kind: .root, arn: "arn:aws:iam::\(account):root", account: account))
        try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: root)
        return (world, policy.arn)
    }

    @Test func aManagedPolicyBuiltInProcessIsServedAndGrants() throws {
        let (world, arn) = try Self.world()
        #expect(arn == "arn:aws:iam::111122223333:policy/team/writer")
        let service = AWSService.withDefaultAdmin(world: world)
        var session = try #require(world.session(of: "producer", account: Self.account))
        session.expiresAt = nil
        service.addCredentials(AccessKey(accessKeyId: "producer", secretAccessKey: "producer", createDate: Self.start,
                                         identity: .roleSession(session)))
        let admin = WireClient(service, now: Self.start)
        let got = admin.query("iam", [("Action", "GetPolicy"), ("PolicyArn", arn)]).xml
        #expect(xmlValue("Path", in: got) == "/team/")
        #expect(xmlValue("AttachmentCount", in: got) == "1")
        #expect(xmlValue("PolicyArn", in: admin.query("iam", [("Action", "ListAttachedRolePolicies"), ("RoleName", "producer")]).xml) == arn)
        let producer = WireClient(service, key: "producer", secret: "producer", now: Self.start)
        #expect(producer.kinesis("PutRecord", #"{"StreamName":"orders","Data":"aGk=","PartitionKey":"k"}"#).status == 200)
        #expect(producer.kinesis("DescribeStreamSummary", #"{"StreamName":"orders"}"#).json?["__type"]?.stringValue
                == "AccessDeniedException")
    }

    @Test func iamCallsOnTheWireChangeTheWorld() throws {
        let service = AWSService.withDefaultAdmin()
        let admin = WireClient(service, now: Self.start)
        _ = admin.query("iam", [("Action", "CreateUser"), ("UserName", "u"), ("Path", "/ops/")])
        _ = admin.query("iam", [("Action", "CreatePolicy"), ("PolicyName", "w"), ("PolicyDocument", Self.writerDocument)])
        _ = admin.query("iam", [("Action", "AttachUserPolicy"), ("UserName", "u"), ("PolicyArn", "arn:aws:iam::111122223333:policy/w")])
        let key = admin.query("iam", [("Action", "CreateAccessKey"), ("UserName", "u")]).xml
        let id = try #require(xmlValue("AccessKeyId", in: key))
        let (user, policy, owner) = service.withWorld { world in
            (world.accounts[Self.account]?.users["u"], world.managedPolicy(arn: "arn:aws:iam::111122223333:policy/w"),
             world.credentials.key(id)?.identity)
        }
        #expect(user?.arn == "arn:aws:iam::111122223333:user/ops/u")
        #expect(user?.attachedPolicies == ["arn:aws:iam::111122223333:policy/w"])
        #expect(user?.createDate == Self.start)
        #expect(policy?.document.text == Self.writerDocument)
        guard case .user(let name, let account)? = owner else {
            Issue.record("the key should belong to user u")
            return
        }
        #expect(name == "u" && account == Self.account)
        // Grading in-process sees the same grant: the user may put records through the managed policy.
        let allowed = service.withWorld { world in
            world.caller(user: "u", account: Self.account).map { caller in
                Result { () throws(KinesisError) in try world.authorizeCall(caller, action: "kinesis:PutRecord", resource: "*") }
            }
        }
        #expect((try? allowed?.get()) != nil)
    }
}
