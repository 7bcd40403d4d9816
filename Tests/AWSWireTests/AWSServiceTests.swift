import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

@Suite struct AWSServiceTests {
    static let start = Timestamp(milliseconds: 1_767_225_600_000)
    static let account = AWSService.defaultAccount

    /// The default world plus user `producer` (key `AKIDPRODUCER`) allowed only to put records.
    static func service() throws -> AWSService {
        let service = AWSService.withDefaultAdmin()
        let policy = try NamedPolicy(name: "producer", text: """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kinesis:PutRecord","kinesis:PutRecords"],"Resource":"*"}]}
            """)
        service.withWorld { $0.addUser(IAMUser(name: "producer", account: account, policies: [policy]), account: account) }
        service.addCredentials(AccessKey(accessKeyId: "AKIDPRODUCER", secretAccessKey: "producer-secret", createDate: start,
                                         identity: .user(name: "producer", account: account)))
        return service
    }

    @Test func createPutIteratorGetThroughHandle() throws {
        let admin = WireClient(try Self.service(), now: Self.start)
        #expect(admin.kinesis("CreateStream", #"{"StreamName": "orders", "ShardCount": 1}"#).status == 200)
        let put = admin.kinesis("PutRecord", #"{"StreamName": "orders", "Data": "aGVsbG8=", "PartitionKey": "k"}"#)
        #expect(put.status == 200)
        #expect(put.response.header("x-amzn-RequestId") != nil)
        let shardId = try #require(put.json?["ShardId"]?.stringValue)
        let it = admin.kinesis("GetShardIterator", #"{"StreamName": "orders", "ShardId": "\#(shardId)", "ShardIteratorType": "TRIM_HORIZON"}"#)
        let iterator = try #require(it.json?["ShardIterator"]?.stringValue)
        let got = admin.kinesis("GetRecords", #"{"ShardIterator": "\#(iterator)"}"#)
        #expect(got.status == 200)
        #expect(got.json?["Records"]?.elements?.first?["Data"]?.stringValue == "aGVsbG8=")
    }

    @Test func accessDeniedExceptionForAProducerThatReads() throws {
        let service = try Self.service()
        _ = WireClient(service, now: Self.start).kinesis("CreateStream", #"{"StreamName": "orders", "ShardCount": 1}"#)
        let producer = WireClient(service, key: "AKIDPRODUCER", secret: "producer-secret", now: Self.start)
        #expect(producer.kinesis("PutRecord", #"{"StreamName": "orders", "Data": "aGk=", "PartitionKey": "k"}"#).status == 200)
        let read = producer.kinesis("DescribeStreamSummary", #"{"StreamName": "orders"}"#)
        #expect(read.status == 400)
        #expect(read.json?["__type"]?.stringValue == "AccessDeniedException")
        #expect(read.response.header("x-amzn-ErrorType") == "AccessDeniedException")
        #expect(read.json?["message"]?.stringValue?.contains("is not authorized to perform: kinesis:DescribeStreamSummary") == true)
    }

    @Test func unrecognizedClientExceptionForAnUnknownKey() throws {
        let r = WireClient(try Self.service(), key: "AKIDNOBODY", secret: "x", now: Self.start).kinesis("ListStreams", "{}")
        #expect(r.status == 400)
        #expect(r.json?["__type"]?.stringValue == "UnrecognizedClientException")
        #expect(r.json?["message"]?.stringValue == "The security token included in the request is invalid.")
    }

    @Test func invalidSignatureExceptionForAWrongSecret() throws {
        let r = WireClient(try Self.service(), key: "admin", secret: "nimda", now: Self.start).kinesis("ListStreams", "{}")
        #expect(r.json?["__type"]?.stringValue == "InvalidSignatureException")
        #expect(r.json?["message"]?.stringValue == SigV4Error.mismatchMessage)
    }

    @Test func signatureDoesNotMatchForAWrongSecretOnSTS() throws {
        let r = WireClient(try Self.service(), key: "admin", secret: "nimda", now: Self.start).query("sts", [("Action", "GetCallerIdentity")])
        #expect(r.status == 403)
        #expect(xmlValue("Code", in: r.xml) == "SignatureDoesNotMatch")
    }

    @Test func invalidSignatureExceptionForASkewedClock() throws {
        let service = try Self.service()
        let late = WireClient(service, now: Self.start)
        let request = HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "h"), ("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "Kinesis_20131202.ListStreams"),
        ], body: Array("{}".utf8))
        let response = service.handle(late.signer.sign(request, service: "kinesis", at: Self.start),
                                      now: Self.start.adding(milliseconds: 16 * 60_000))
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains("InvalidSignatureException") && text.contains("Signature expired"))
    }

    @Test func unknownOperationException() throws {
        let r = WireClient(try Self.service(), now: Self.start).kinesis("BuyMoreShards", "{}")
        #expect(r.json?["__type"]?.stringValue == "UnknownOperationException")
    }

    @Test func getCallerIdentityInSTSShape() throws {
        let r = WireClient(try Self.service(), now: Self.start).query("sts", [("Action", "GetCallerIdentity")])
        #expect(r.status == 200)
        #expect(r.xml.contains(#"<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">"#))
        #expect(xmlValue("Arn", in: r.xml) == "arn:aws:iam::111122223333:user/admin")
        #expect(xmlValue("Account", in: r.xml) == "111122223333")
        #expect(xmlValue("RequestId", in: r.xml) != nil)
    }

    static func withRole(trusting principal: String) throws -> AWSService {
        let service = try Self.service()
        let admin = WireClient(service, now: start)
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"\#(principal)"},"Action":"sts:AssumeRole"}]}"#
        #expect(admin.query("iam", [("Action", "CreateRole"), ("RoleName", "reader"), ("AssumeRolePolicyDocument", trust)]).status == 200)
        let read = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:List*","Resource":"*"}]}"#
        #expect(admin.query("iam", [("Action", "PutRolePolicy"), ("RoleName", "reader"), ("PolicyName", "read"), ("PolicyDocument", read)]).status == 200)
        return service
    }

    @Test func assumeRoleCredentialsActAsTheSessionAndExpire() throws {
        let service = try Self.withRole(trusting: "arn:aws:iam::111122223333:user/admin")
        let admin = WireClient(service, now: Self.start)
        let r = admin.query("sts", [("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"),
                                    ("RoleSessionName", "s1"), ("DurationSeconds", "900")])
        #expect(r.status == 200)
        let key = try #require(xmlValue("AccessKeyId", in: r.xml))
        #expect(key.hasPrefix("ASIA"))
        #expect(xmlValue("Expiration", in: r.xml) == "2026-01-01T00:15:00Z")
        let secret = try #require(xmlValue("SecretAccessKey", in: r.xml))
        let token = try #require(xmlValue("SessionToken", in: r.xml))
        var session = WireClient(service, key: key, secret: secret, token: token, now: Self.start.adding(milliseconds: 60_000))
        let who = session.query("sts", [("Action", "GetCallerIdentity")])
        #expect(xmlValue("Arn", in: who.xml) == "arn:aws:sts::111122223333:assumed-role/reader/s1")
        #expect(session.kinesis("ListStreams", "{}").status == 200)
        #expect(session.kinesis("CreateStream", #"{"StreamName": "x", "ShardCount": 1}"#).json?["__type"]?.stringValue == "AccessDeniedException")
        session.now = Self.start.adding(milliseconds: 901_000)
        #expect(session.kinesis("ListStreams", "{}").json?["__type"]?.stringValue == "ExpiredTokenException")
        let noToken = WireClient(service, key: key, secret: secret, now: Self.start.adding(milliseconds: 60_000))
        #expect(noToken.kinesis("ListStreams", "{}").json?["__type"]?.stringValue == "UnrecognizedClientException")
    }

    @Test func assumeRoleRefusedByTheTrustPolicy() throws {
        let service = try Self.withRole(trusting: "arn:aws:iam::111122223333:user/someone-else")
        let r = WireClient(service, now: Self.start).query("sts", [
            ("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "s1")])
        #expect(r.status == 403)
        #expect(r.xml.contains("<ErrorResponse"))
        #expect(xmlValue("Code", in: r.xml) == "AccessDenied")
        #expect(xmlValue("Type", in: r.xml) == "Sender")
    }

    @Test func newUserIsAuthorizedByItsInlinePolicy() throws {
        let service = try Self.service()
        let admin = WireClient(service, now: Self.start)
        #expect(admin.kinesis("CreateStream", #"{"StreamName": "orders", "ShardCount": 1}"#).status == 200)
        let created = admin.query("iam", [("Action", "CreateUser"), ("UserName", "analyst")])
        #expect(created.status == 200)
        #expect(xmlValue("Arn", in: created.xml) == "arn:aws:iam::111122223333:user/analyst")
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:DescribeStreamSummary","Resource":"*"}]}"#
        #expect(admin.query("iam", [("Action", "PutUserPolicy"), ("UserName", "analyst"), ("PolicyName", "describe"),
                                   ("PolicyDocument", policy)]).status == 200)
        let keys = admin.query("iam", [("Action", "CreateAccessKey"), ("UserName", "analyst")])
        let key = try #require(xmlValue("AccessKeyId", in: keys.xml))
        let secret = try #require(xmlValue("SecretAccessKey", in: keys.xml))
        #expect(key.hasPrefix("AKIA"))
        let analyst = WireClient(service, key: key, secret: secret, now: Self.start)
        #expect(analyst.kinesis("DescribeStreamSummary", #"{"StreamName": "orders"}"#).status == 200)
        #expect(analyst.kinesis("PutRecord", #"{"StreamName": "orders", "Data": "aGk=", "PartitionKey": "k"}"#)
            .json?["__type"]?.stringValue == "AccessDeniedException")
        let denied = analyst.query("iam", [("Action", "CreateUser"), ("UserName", "mallory")])
        #expect(denied.status == 403)
        #expect(xmlValue("Code", in: denied.xml) == "AccessDenied")
        #expect(denied.xml.contains(#"<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">"#))
    }

    @Test func malformedPolicyDocument() throws {
        let admin = WireClient(try Self.service(), now: Self.start)
        _ = admin.query("iam", [("Action", "CreateUser"), ("UserName", "u")])
        let r = admin.query("iam", [("Action", "PutUserPolicy"), ("UserName", "u"), ("PolicyName", "p"), ("PolicyDocument", "{\"Statement\": [")])
        #expect(r.status == 400)
        #expect(xmlValue("Code", in: r.xml) == "MalformedPolicyDocument")
    }

    @Test func managedPolicyCreateAttachList() throws {
        let admin = WireClient(try Self.service(), now: Self.start)
        _ = admin.query("iam", [("Action", "CreateUser"), ("UserName", "u")])
        let doc = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:ListStreams","Resource":"*"}]}"#
        let created = admin.query("iam", [("Action", "CreatePolicy"), ("PolicyName", "lister"), ("PolicyDocument", doc)])
        let arn = "arn:aws:iam::111122223333:policy/lister"
        #expect(xmlValue("Arn", in: created.xml) == arn)
        #expect(admin.query("iam", [("Action", "AttachUserPolicy"), ("UserName", "u"), ("PolicyArn", arn)]).status == 200)
        #expect(xmlValue("AttachmentCount", in: admin.query("iam", [("Action", "GetPolicy"), ("PolicyArn", arn)]).xml) == "1")
        let listed = admin.query("iam", [("Action", "ListAttachedUserPolicies"), ("UserName", "u")])
        #expect(xmlValue("PolicyArn", in: listed.xml) == arn)
        let sim = admin.query("iam", [("Action", "SimulatePrincipalPolicy"), ("PolicySourceArn", "arn:aws:iam::111122223333:user/u"),
                                      ("ActionNames.member.1", "kinesis:ListStreams")])
        #expect(xmlValue("EvalDecision", in: sim.xml) == "allowed")
        #expect(xmlValue("SourcePolicyId", in: sim.xml) == "lister")
    }

    @Test func simulateCustomPolicyXML() throws {
        let admin = WireClient(try Self.service(), now: Self.start)
        let doc = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*"}]}"#
        let r = admin.query("iam", [("Action", "SimulateCustomPolicy"), ("PolicyInputList.member.1", doc),
                                    ("ActionNames.member.1", "kinesis:PutRecord"), ("ActionNames.member.2", "kinesis:GetRecords")])
        #expect(r.status == 200)
        #expect(r.xml.contains("<SimulateCustomPolicyResult>"))
        #expect(r.xml.contains("<EvaluationResults>\n      <member>"))
        #expect(xmlValue("EvalActionName", in: r.xml) == "kinesis:PutRecord")
        #expect(xmlValue("EvalResourceName", in: r.xml) == "*")
        #expect(xmlValue("EvalDecision", in: r.xml) == "allowed")
        #expect(xmlValue("SourcePolicyId", in: r.xml) == "PolicyInputList.1")
        #expect(r.xml.contains("<EvalDecision>implicitDeny</EvalDecision>"))
        #expect(r.xml.contains("<MissingContextValues/>"))
    }

    @Test func journalReplayRebuildsTheWorldAndKeys() throws {
        let service = try Self.service()
        service.startJournal()
        let admin = WireClient(service, now: Self.start)
        _ = admin.kinesis("CreateStream", #"{"StreamName": "orders", "ShardCount": 1}"#)
        _ = admin.kinesis("ListStreams", "{}")
        _ = admin.query("iam", [("Action", "CreateUser"), ("UserName", "u")])
        let keys = admin.query("iam", [("Action", "CreateAccessKey"), ("UserName", "u")])
        let lines = service.takeJournal().map(\.line)
        #expect(lines.count == 3)
        #expect(service.takeJournal().isEmpty)

        let fresh = try Self.service()
        #expect(try fresh.replay(lines: lines) == 3)
        #expect(fresh.takeJournal().isEmpty)
        let key = try #require(xmlValue("AccessKeyId", in: keys.xml))
        #expect(fresh.credentials.key(key)?.secretAccessKey == xmlValue("SecretAccessKey", in: keys.xml))
        let names = WireClient(fresh, now: Self.start).kinesis("ListStreams", "{}").json?["StreamNames"]?.elements?.compactMap(\.stringValue)
        #expect(names == ["orders"])
        #expect(throws: JournalReplayError(line: 2, message: "not a kdslab journal entry (format version 1)")) {
            try Self.service().replay(lines: [lines[0], "{oops"])
        }
    }
}
