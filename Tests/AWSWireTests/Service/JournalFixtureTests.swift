import Foundation
import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// A `--state` journal that `kdslab serve` wrote before IAM and STS moved into the world
/// (`Fixtures/journals/iam-sts-2026.jsonl`, made with the aws CLI): a stream, a user with an
/// inline policy, a customer managed policy attached to the user and to a role, an access
/// key, an AssumeRole session, and records put with the key and the session. Learners'
/// journals must replay to the same world, keys and sessions included.
@Suite struct JournalFixtureTests {
    /// Just after the journal's last entry.
    static let after = Timestamp(milliseconds: 1_796_333_320_000)
    static let producerKey = (id: "AKIAPNVWKPUDQIPVSYSZ", secret: "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")
    static let sessionKey = (id: "ASIAMV6A57AE7YWC2LZJ", secret: "EPAW0XAgO9bpyDiDYSdssIQI4j6rGsqy0PqDzr75")

    static func lines() throws -> [String] {
        let url = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/journals/iam-sts-2026.jsonl"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    static func replayed() throws -> AWSService {
        let service = AWSService.withDefaultAdmin()
        #expect(try service.replay(lines: lines()) == 12)
        return service
    }

    @Test func theIssuedKeyAndSessionComeBack() throws {
        let service = try Self.replayed()
        #expect(service.credentials.key(Self.producerKey.id)?.secretAccessKey == Self.producerKey.secret)
        let session = try #require(service.credentials.key(Self.sessionKey.id))
        #expect(session.secretAccessKey == Self.sessionKey.secret)
        #expect(session.sessionToken?.hasPrefix("IQoJb3JpZ2luX2VjE1P+qi3DAniIrrmJ9RKvt3lZF") == true)
        #expect(session.expiration?.iso8601 == "2026-12-03T23:28:30.136Z")
    }

    @Test func theRecordsPutWithThemAreThere() throws {
        let service = try Self.replayed()
        let counts = service.withWorld { $0.accounts[AWSService.defaultAccount]?.streams["us-east-1"]?["orders"]?.shards.map(\.records.count) }
        #expect(counts == [2])
    }

    @Test func theUserActsThroughItsInlineAndItsManagedPolicy() throws {
        let service = try Self.replayed()
        let producer = WireClient(service, key: Self.producerKey.id, secret: Self.producerKey.secret, now: Self.after)
        // kinesis:ListStreams is granted only by the attached customer managed policy `lister`.
        #expect(producer.kinesis("ListStreams", "{}").json?["StreamNames"]?.elements?.compactMap(\.stringValue) == ["orders"])
        #expect(producer.kinesis("PutRecord", #"{"StreamName":"orders","Data":"aGk=","PartitionKey":"k"}"#).status == 200)
        #expect(producer.kinesis("GetShardIterator", #"{"StreamName":"orders","ShardId":"shardId-000000000000","ShardIteratorType":"LATEST"}"#)
            .json?["__type"]?.stringValue == "AccessDeniedException")
    }

    @Test func theSessionActsAsTheRoleThroughItsManagedPolicy() throws {
        let service = try Self.replayed()
        let token = try #require(service.credentials.key(Self.sessionKey.id)?.sessionToken)
        let session = WireClient(service, key: Self.sessionKey.id, secret: Self.sessionKey.secret, token: token, now: Self.after)
        #expect(xmlValue("Arn", in: session.query("sts", [("Action", "GetCallerIdentity")]).xml)
                == "arn:aws:sts::111122223333:assumed-role/writer/journal-session")
        #expect(session.kinesis("ListStreams", "{}").status == 200)
        #expect(session.kinesis("PutRecord", #"{"StreamName":"orders","Data":"aGk=","PartitionKey":"k"}"#).status == 200)
    }

    @Test func iamAnswersAboutTheManagedPolicyAsBefore() throws {
        let admin = WireClient(try Self.replayed(), now: Self.after)
        let arn = "arn:aws:iam::111122223333:policy/lister"
        let policy = admin.query("iam", [("Action", "GetPolicy"), ("PolicyArn", arn)]).xml
        #expect(xmlValue("AttachmentCount", in: policy) == "2")
        #expect(xmlValue("Description", in: policy) == "lists streams")
        #expect(xmlValue("CreateDate", in: policy) == "2026-12-03T21:28:14.954Z")
        let user = admin.query("iam", [("Action", "ListAttachedUserPolicies"), ("UserName", "producer")]).xml
        #expect(xmlValue("PolicyArn", in: user) == arn)
        let role = admin.query("iam", [("Action", "ListAttachedRolePolicies"), ("RoleName", "writer")]).xml
        #expect(xmlValue("PolicyName", in: role) == "lister")
        let again = admin.query("iam", [("Action", "CreateUser"), ("UserName", "producer")])
        #expect(xmlValue("Code", in: again.xml) == "EntityAlreadyExists")
    }
}
