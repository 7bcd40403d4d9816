import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// The journal seam `--state` builds on: which answers add an entry, at which position, and
/// what a request whose entry could not be kept is told.
@Suite struct JournalTests {
    static let start = AWSServiceTests.start

    func answer(_ service: AWSService, _ operation: String, _ body: String) -> ServiceAnswer {
        let signer = SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin")
        let request = HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1:4567"), ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", "Kinesis_20131202.\(operation)"),
        ], body: Array(body.utf8))
        return service.answer(signer.sign(request, service: "kinesis", at: Self.start), now: Self.start)
    }

    func answerQuery(_ service: AWSService, _ body: String) -> ServiceAnswer {
        let signer = SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin")
        let request = HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1:4567"), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        ], body: Array(body.utf8))
        return service.answer(signer.sign(request, service: "iam", at: Self.start), now: Self.start)
    }

    @Test func eachStateChangeIsJournaledAtTheNextPosition() throws {
        let service = try AWSServiceTests.service()
        service.startJournal()
        #expect(answer(service, "CreateStream", #"{"StreamName":"orders","ShardCount":1}"#).journalPosition == 1)
        #expect(answer(service, "ListStreams", "{}").journalPosition == nil)
        #expect(answer(service, "PutRecord", #"{"StreamName":"orders","Data":"aGk=","PartitionKey":"k"}"#).journalPosition == 2)
        let missing = answer(service, "PutRecord", #"{"StreamName":"nope","Data":"aGk=","PartitionKey":"k"}"#)
        #expect(missing.response.status == 400 && missing.journalPosition == nil)
        #expect(answerQuery(service, "Action=CreateUser&UserName=u&Version=2010-05-08").journalPosition == 3)
        #expect(service.takeJournal().map(\.operation) == ["CreateStream", "PutRecord", "CreateUser"])
        #expect(service.takeJournal().isEmpty)
        #expect(answer(service, "PutRecord", #"{"StreamName":"orders","Data":"aGk=","PartitionKey":"k"}"#).journalPosition == 4)
    }

    @Test func nothingIsKeptUntilJournalingStarts() throws {
        let service = try AWSServiceTests.service()
        let created = answer(service, "CreateStream", #"{"StreamName":"orders","ShardCount":1}"#)
        #expect(created.response.status == 200 && created.journalPosition == nil)
        #expect(service.takeJournal().isEmpty)
    }

    @Test func replayedEntriesAreNotJournaledAgain() throws {
        let service = try AWSServiceTests.service()
        service.startJournal()
        _ = answer(service, "CreateStream", #"{"StreamName":"orders","ShardCount":1}"#)
        let lines = service.takeJournal().map(\.line)
        let fresh = try AWSServiceTests.service()
        fresh.startJournal()
        #expect(try fresh.replay(lines: lines) == 1)
        #expect(fresh.takeJournal().isEmpty)
        #expect(answer(fresh, "PutRecord", #"{"StreamName":"orders","Data":"aGk=","PartitionKey":"k"}"#).journalPosition == 1)
    }

    @Test func anUnkeptChangeIsAnInternalFailureInItsProtocol() throws {
        let service = try AWSServiceTests.service()
        service.startJournal()
        let kinesis = answer(service, "CreateStream", #"{"StreamName":"orders","ShardCount":1}"#)
        let refused = kinesis.failure("the state file cannot be written")
        #expect(refused.status == 500)
        #expect(refused.header("x-amzn-ErrorType") == "InternalFailure")
        #expect(refused.header("x-amzn-RequestId") == kinesis.response.header("x-amzn-RequestId"))
        #expect(String(decoding: refused.body, as: UTF8.self) == #"{"__type":"InternalFailure","message":"the state file cannot be written"}"#)

        let iam = answerQuery(service, "Action=CreateUser&UserName=u&Version=2010-05-08")
        let xml = String(decoding: iam.failure("the state file cannot be written").body, as: UTF8.self)
        #expect(iam.failure("x").status == 500)
        #expect(xmlValue("Code", in: xml) == "InternalFailure")
        #expect(xmlValue("Type", in: xml) == "Receiver")
        #expect(xml.contains("https://iam.amazonaws.com/doc/2010-05-08/"))
    }
}
