import Foundation
import Testing
import AWSWire
@testable import LabCLI

/// The `--state` file: opened for appending or refused at the start, replayed (an unfinished
/// last line cut off, a bad line refused by number), appended by group commit.
@Suite final class StateJournalTests {
    /// A fresh folder for each test, removed after it.
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "kdslab-state-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The journal lines of `count` requests against a fresh service: CreateStream `kept`,
    /// then PutRecords.
    static func lines(_ count: Int) -> [String] {
        let service = AWSService.withDefaultAdmin()
        service.startJournal()
        _ = call(service, "CreateStream", #"{"StreamName":"kept","ShardCount":1}"#)
        for i in 1..<count {
            _ = call(service, "PutRecord", #"{"StreamName":"kept","PartitionKey":"k\#(i)","Data":"aGk="}"#)
        }
        return service.takeJournal().map(\.line)
    }

    static func call(_ service: AWSService, _ operation: String, _ body: String) -> ServiceAnswer {
        let signer = SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin")
        let now = ServeEndpoint.now()
        let request = HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1"), ("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "Kinesis_20131202.\(operation)"),
        ], body: Array(body.utf8))
        return service.answer(signer.sign(request, service: "kinesis", at: now), now: now)
    }

    static func recordCount(_ service: AWSService) -> Int {
        service.withWorld { $0.accounts[AWSService.defaultAccount]?.streams["us-east-1"]?["kept"]?.shards.map(\.records.count).reduce(0, +) ?? -1 }
    }

    func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func aMissingFileIsCreatedEmpty() throws {
        let path = folder + "/new.jsonl"
        let journal = try StateJournal.open(path)
        defer { journal.close() }
        #expect(try journal.load(into: AWSService.withDefaultAdmin()) == .init(replayed: 0))
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func anUnfinishedLastLineIsCutOffAndReported() throws {
        let lines = Self.lines(3)
        let path = folder + "/torn.jsonl"
        let whole = lines.map { $0 + "\n" }.joined()
        let torn = String(lines[2].prefix(57))
        try write(whole + torn, to: path)

        let service = AWSService.withDefaultAdmin()
        let journal = try StateJournal.open(path)
        let loaded = try journal.load(into: service)
        #expect(loaded.replayed == 3)
        #expect(loaded.notice == "kdslab: the state file '\(path)' ended in an unfinished line 4 (57 bytes, a write cut short before it was acknowledged); cut it off")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == whole)
        #expect(Self.recordCount(service) == 2)

        // Appends after the cut start on a line of their own.
        service.startJournal()
        let committer = JournalCommitter(service: service, journal: journal)
        committer.start()
        let put = Self.call(service, "PutRecord", #"{"StreamName":"kept","PartitionKey":"after","Data":"aGk="}"#)
        #expect(committer.waitUntilKept(try #require(put.journalPosition)) == nil)
        #expect(committer.stop() == nil)
        journal.close()
        let again = AWSService.withDefaultAdmin()
        let reopened = try StateJournal.open(path)
        defer { reopened.close() }
        #expect(try reopened.load(into: again) == .init(replayed: 4))
        #expect(Self.recordCount(again) == 3)
    }

    @Test func aLastLineMissingOnlyItsNewlineIsKept() throws {
        let lines = Self.lines(2)
        let path = folder + "/edited.jsonl"
        try write(lines.joined(separator: "\n"), to: path)
        let journal = try StateJournal.open(path)
        defer { journal.close() }
        #expect(try journal.load(into: AWSService.withDefaultAdmin()) == .init(replayed: 2))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == lines.map { $0 + "\n" }.joined())
    }

    @Test("A bad line before the last stops the start with its number, the file untouched", arguments: [
        ("{\"v\":1}", "not a kdslab journal entry (format version 1)"),
        ("{\"v\":1,\"time\":17", "not a kdslab journal entry (format version 1)"),
    ])
    func aCorruptMiddleLineIsRefusedWithItsNumber(bad: String, message: String) throws {
        let lines = Self.lines(3)
        let path = folder + "/corrupt.jsonl"
        let text = [lines[0], bad, lines[1], lines[2]].map { $0 + "\n" }.joined()
        try write(text, to: path)
        let journal = try StateJournal.open(path)
        defer { journal.close() }
        #expect(throws: CommandFailure(lines: [
            "kdslab: the state file '\(path)', line 2: \(message); fix or move it aside to start",
        ])) { try journal.load(into: AWSService.withDefaultAdmin()) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func aLineThatIsNotUTF8IsRefusedWithItsNumber() throws {
        let lines = Self.lines(2)
        let path = folder + "/binary.jsonl"
        let bytes = Array((lines[0] + "\n").utf8) + [0xFF, 0xFE, 0x0A] + Array((lines[1] + "\n").utf8)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let journal = try StateJournal.open(path)
        defer { journal.close() }
        #expect(throws: CommandFailure(lines: [
            "kdslab: the state file '\(path)', line 2: not UTF-8 text; fix or move it aside to start",
        ])) { try journal.load(into: AWSService.withDefaultAdmin()) }
    }

    @Test("A state file that cannot be written is refused before anything is served", arguments: [
        ("parent-is-a-file/state.jsonl", "Not a directory"),
        ("a-directory", "Is a directory"),
    ])
    func anUnwritablePathExitsWithStatus2(relative: String, reason: String) throws {
        try write("not a folder", to: folder + "/parent-is-a-file")
        try FileManager.default.createDirectory(atPath: folder + "/a-directory", withIntermediateDirectories: false)
        let path = folder + "/" + relative
        let io = TestIO()
        #expect(KdslabCommand.run(arguments: ["serve", "--port", "0", "--state", path], io: io) == 2)
        #expect(io.error == "kdslab: cannot open '\(path)': \(reason); pass a --state file that can be written\n")
        #expect(io.output.isEmpty)
    }

    @Test func aSecondServerOnTheSameFileIsRefused() throws {
        let path = folder + "/shared.jsonl"
        let first = try StateJournal.open(path)
        defer { first.close() }
        #expect(throws: CommandFailure(lines: [
            "kdslab: cannot use '\(path)': another kdslab serve is using it; pass a --state file that can be written",
        ])) { _ = try StateJournal.open(path) }
    }

    @Test func concurrentChangesShareSyncsAndAreAllKept() throws {
        let path = folder + "/group.jsonl"
        let service = AWSService.withDefaultAdmin()
        let journal = try StateJournal.open(path)
        _ = try journal.load(into: service)
        service.startJournal()
        let committer = JournalCommitter(service: service, journal: journal)
        committer.start()
        let created = Self.call(service, "CreateStream", #"{"StreamName":"kept","ShardCount":4}"#)
        #expect(committer.waitUntilKept(try #require(created.journalPosition)) == nil)

        let threads = 8, each = 100
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for i in 0..<each {
                let put = Self.call(service, "PutRecord", #"{"StreamName":"kept","PartitionKey":"t\#(t)-\#(i)","Data":"aGk="}"#)
                guard let position = put.journalPosition, committer.waitUntilKept(position) == nil else {
                    Issue.record("PutRecord t\(t)-\(i) was not kept: \(put.response.status)")
                    return
                }
                // Acknowledged: the line is in the file now (looked at for every tenth).
                guard i % 10 == 0 else { continue }
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                if !text.contains(#"\"PartitionKey\":\"t\#(t)-\#(i)\""#) { Issue.record("t\(t)-\(i) acknowledged, not in the file") }
            }
        }
        #expect(committer.stop() == nil)
        #expect(journal.entryCount == 1 + threads * each)
        #expect(committer.syncCount < 1 + threads * each)
        journal.close()

        let again = AWSService.withDefaultAdmin()
        let reopened = try StateJournal.open(path)
        defer { reopened.close() }
        #expect(try reopened.load(into: again).replayed == 1 + threads * each)
        #expect(Self.recordCount(again) == threads * each)
    }

    @Test func aFailedWriteRefusesTheChangeAndEveryLaterOne() throws {
        let path = folder + "/failing.jsonl"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        // Open for reading only: every write fails (EBADF).
        let journal = StateJournal(path: path, fd: open(path, O_RDONLY | O_CLOEXEC))
        defer { journal.close() }
        let service = AWSService.withDefaultAdmin()
        service.startJournal()
        let committer = JournalCommitter(service: service, journal: journal)
        committer.start()
        let created = Self.call(service, "CreateStream", #"{"StreamName":"lost","ShardCount":1}"#)
        let failure = committer.waitUntilKept(try #require(created.journalPosition))
        #expect(failure?.action == "write to")
        #expect(committer.failure == failure)
        let later = Self.call(service, "CreateStream", #"{"StreamName":"later","ShardCount":1}"#)
        #expect(committer.waitUntilKept(try #require(later.journalPosition)) == failure)
        #expect(committer.stop() == failure)
    }
}
