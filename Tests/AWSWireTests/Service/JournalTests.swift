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

    static let tricky = [
        "plain", "", "quote \" and backslash \\", "slash / and tab \t, newline \n, return \r",
        "controls \u{0}\u{1}\u{8}\u{C}\u{1F}", "é, 中文, 🚀, \u{2028}", #"{"StreamName":"a\"b","Data":"aGk="}"#,
        "Action=CreateUser&UserName=u%2Bv&Version=2010-05-08",
    ]

    @Test("A line as `line` writes it is scanned to the entry the JSON reader reads", arguments: tricky)
    func scanningAgreesWithTheJSONReader(text: String) throws {
        let entry = JournalEntry(time: Timestamp(milliseconds: 1_767_225_600_123), service: "kinesis", operation: text,
                                 accessKeyId: text, callerArn: text, region: text, body: text, issued: [text, "x"])
        let line = entry.line
        #expect(JournalEntry.scanning(line) == entry)
        #expect(JournalEntry.reading(line) == entry)
        var withoutIssued = entry
        withoutIssued.issued = []
        #expect(JournalEntry.scanning(withoutIssued.line) == withoutIssued)
    }

    @Test("Lines in another layout are left to the JSON reader", arguments: [
        #"{"time":1767225600000,"v":1,"service":"iam","operation":"CreateUser","accessKeyId":"admin","caller":"c","region":"us-east-1","body":"b"}"#,
        #"{"v":1, "time":1767225600000,"service":"iam","operation":"CreateUser","accessKeyId":"admin","caller":"c","region":"us-east-1","body":"b"}"#,
        #"{"v":1,"time":1767225600000,"service":"iam","operation":"CreateUser","accessKeyId":"admin","caller":"c","region":"us-east-1","body":"\ud83d\ude80"}"#,
    ])
    func otherLayoutsAreReadByTheJSONReader(line: String) throws {
        #expect(JournalEntry.scanning(line) == nil)
        #expect(JournalEntry(line: line) != nil)
        #expect(JournalEntry(line: line) == JournalEntry.reading(line))
    }

    @Test("Broken lines are no entry either way", arguments: [
        #"{"v":1,"time":1767225600000,"service":"iam""#,
        #"{"v":2,"time":1767225600000,"service":"iam","operation":"CreateUser","accessKeyId":"admin","caller":"c","region":"us-east-1","body":"b"}"#,
        #"{"v":1,"time":1767225600000,"service":"iam","operation":"CreateUser","accessKeyId":"admin","caller":"c","region":"us-east-1","body":"b"}x"#,
        #"{"v":1,"time":99999999999999999999,"service":"iam","operation":"CreateUser","accessKeyId":"admin","caller":"c","region":"us-east-1","body":"b"}"#,
    ])
    func brokenLinesAreNoEntry(line: String) {
        #expect(JournalEntry.scanning(line) == nil)
        #expect(JournalEntry(line: line) == nil)
    }

    @Test func replayAppliesKinesisChangesWithoutAskingThePoliciesAgain() throws {
        let service = try AWSServiceTests.service()
        service.startJournal()
        _ = WireClient(service, now: Self.start).kinesis("CreateStream", #"{"StreamName":"orders","ShardCount":1}"#)
        let producer = WireClient(service, key: "AKIDPRODUCER", secret: "producer-secret", now: Self.start)
        #expect(producer.kinesis("PutRecord", #"{"StreamName":"orders","Data":"aGk=","PartitionKey":"k"}"#).status == 200)
        let lines = service.takeJournal().map(\.line)

        // The producer has lost its policy since: what it wrote stays written, as in AWS.
        let changed = AWSService.withDefaultAdmin()
        let account = AWSService.defaultAccount
        changed.withWorld { $0.addUser(IAMUser(name: "producer", account: account, policies: []), account: account) }
        changed.addCredentials(AccessKey(accessKeyId: "AKIDPRODUCER", secretAccessKey: "producer-secret", createDate: Self.start,
                                         identity: .user(name: "producer", account: account)))
        #expect(try changed.replay(lines: lines) == 2)
        #expect(changed.withWorld { $0.accounts[account]?.streams["us-east-1"]?["orders"]?.shards[0].records.count } == 1)
        // Replay leaves the world authorizing calls again.
        let denied = WireClient(changed, key: "AKIDPRODUCER", secret: "producer-secret", now: Self.start)
            .kinesis("PutRecord", #"{"StreamName":"orders","Data":"aGk=","PartitionKey":"k"}"#)
        #expect(denied.response.header("x-amzn-ErrorType") == "AccessDeniedException")
    }

    @Test func replayStillRefusesAChangeTheWorldCannotTake() throws {
        let line = JournalEntry(time: Self.start, service: "kinesis", operation: "PutRecord", accessKeyId: "admin",
                                callerArn: "arn:aws:iam::111122223333:user/admin", region: "us-east-1",
                                body: #"{"StreamName":"missing","Data":"aGk=","PartitionKey":"k"}"#).line
        #expect(throws: JournalReplayError(line: 2, message: "kinesis PutRecord no longer succeeds: ResourceNotFoundException: Stream missing under account 111122223333 not found.")) {
            try AWSService.withDefaultAdmin().replay(lines: ["", line])
        }
    }

    @Test("A PutRecord line read the quick way replays as the general reading does", arguments: [
        (#"{"StreamName":"orders","PartitionKey":"k","Data":"aGk="}"#, true),
        (#"{ "Data": "aGk=", "PartitionKey": "k", "StreamName": "orders" }"#, true),
        (#"{"StreamARN":"arn:aws:kinesis:us-east-1:111122223333:stream/orders","PartitionKey":"k","Data":"","ExplicitHashKey":"7"}"#, true),
        (#"{"StreamName":"orders","PartitionKey":"k","Data":"aGk=","SequenceNumberForOrdering":"1"}"#, true),
        (#"{"StreamName":"orders","PartitionKey":"k\u0041","Data":"aGk="}"#, false),  // an escape in a value
        (#"{"StreamName":"orders","PartitionKey":"k","Data":"aGk=","Extra":"x"}"#, false),  // unknown member
        (#"{"StreamName":"orders","PartitionKey":"k","PartitionKey":"j","Data":"aGk="}"#, false),  // repeated
        (#"{"StreamName":"orders","PartitionKey":7,"Data":"aGk="}"#, false),  // not a string
        (#"{"StreamName":"orders","PartitionKey":"k","Data":"aGk"}"#, false),  // base64 cut short
        (#"{"StreamName":"orders","PartitionKey":"ключ","Data":"aGk="}"#, false),  // not ASCII
        (#"{"StreamName":"missing","PartitionKey":"k","Data":"aGk="}"#, true),  // read quickly, fails alike
    ])
    func quickPutRecordLinesReplayAsTheGeneralReading(body: String, quick: Bool) throws {
        let created = JournalEntry(time: Self.start, service: "kinesis", operation: "CreateStream", accessKeyId: "admin",
                                   callerArn: "arn:aws:iam::111122223333:user/admin", region: "us-east-1",
                                   body: #"{"StreamName":"orders","ShardCount":2}"#).line
        let line = JournalEntry(time: Self.start.adding(milliseconds: 5), service: "kinesis", operation: "PutRecord",
                                accessKeyId: "admin", callerArn: "arn:aws:iam::111122223333:user/admin", region: "us-east-1",
                                body: body).line
        let bytes = Array(line.utf8)
        let scanned = bytes.withUnsafeBufferPointer { JournalLine.scanningPutRecord($0) }
        #expect((scanned != nil) == quick)
        // The same line read both ways, replayed into two fresh services: same outcome.
        func outcome(_ read: JournalLine) -> String {
            let service = AWSService.withDefaultAdmin()
            do {
                try service.replay([JournalLine(number: 1, text: created), read])
            } catch {
                return "\(error)"
            }
            return service.withWorld { world in
                var out: [String] = []
                world.forEachWrittenShard { place, log in
                    log.forEachReadable { out.append("\(place.shard) \($0.counter) \(String(decoding: $0.partitionKey, as: UTF8.self)) \(Array($0.data))") }
                }
                return out.joined(separator: "; ")
            }
        }
        let general = outcome(JournalLine(number: 2, text: line))
        #expect(outcome(JournalLine(number: 2, bytes: bytes[...])) == general)
        #expect(!general.isEmpty)
    }
}
