import Foundation
import Testing
import AWSWire
import KinesisSim
@testable import LabCLI

/// Compaction of the `--state` file while requests keep coming: every acknowledged change
/// is still there after it, the file is shorter, and a compaction that cannot be done leaves
/// the journal as it was.
@Suite final class JournalCompactionTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "kdslab-compact-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Compacts as often as it can: whenever the file has grown a few KiB.
    static let eager = JournalCompaction(minimumBytes: 0, ratio: 0)

    /// Every written shard's records as text (place, then arrival/counter/key/data of each).
    static func contents(_ service: AWSService) -> [String] {
        service.withWorld { world in
            var out: [String] = []
            world.forEachWrittenShard { place, log in
                out.append("\(place)")
                log.forEachReadable { r in
                    out.append("\(r.arrival)/\(r.counter)/\(r.keyId ?? "-")/\(String(decoding: r.partitionKey, as: UTF8.self))/\(Array(r.data))")
                }
            }
            return out
        }
    }

    /// Runs `writers` threads of `each` PutRecords against a journal at `path` with
    /// `policy`, plus a CreateStream every 25 records; returns the service, the committer
    /// (stopped) and how many changes were acknowledged.
    func serve(_ path: String, policy: JournalCompaction, writers: Int = 6, each: Int = 150,
               service: AWSService = AWSService.withDefaultAdmin()) throws -> (AWSService, JournalCommitter, Int) {
        let journal = try StateJournal.open(path)
        defer { journal.close() }
        _ = try journal.load(into: service)
        service.startJournal()
        let committer = JournalCommitter(service: service, journal: journal, compaction: policy)
        committer.start()
        let run = UUID().uuidString.prefix(8)
        let created = StateJournalTests.call(service, "CreateStream", #"{"StreamName":"s-\#(run)","ShardCount":4}"#)
        #expect(committer.waitUntilKept(try #require(created.journalPosition)) == nil)
        let acknowledged = NSLock()
        nonisolated(unsafe) var count = 1
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            for i in 0..<each {
                let answer = i % 25 == 24
                    ? StateJournalTests.call(service, "CreateStream", #"{"StreamName":"c-\#(run)-\#(w)-\#(i)","ShardCount":1}"#)
                    : StateJournalTests.call(service, "PutRecord", #"{"StreamName":"s-\#(run)","PartitionKey":"w\#(w)-\#(i)","Data":"\#(Data(repeating: UInt8(i % 256), count: 60).base64EncodedString())"}"#)
                guard let position = answer.journalPosition, committer.waitUntilKept(position) == nil else {
                    Issue.record("w\(w)-\(i) was not kept: \(answer.response.status)")
                    return
                }
                acknowledged.withLock { count += 1 }
            }
        }
        #expect(committer.stop() == nil)
        return (service, committer, count)
    }

    @Test func compactionsUnderLoadKeepEveryChange() throws {
        let path = folder + "/state.jsonl"
        let (service, committer, acknowledged) = try serve(path, policy: Self.eager)
        let compactions = try #require(committer.compactor).compactions
        #expect(compactions >= 1)
        let notices = committer.compactor?.takeNotices() ?? []
        #expect(notices.count == compactions)
        #expect(notices.allSatisfy { $0.hasPrefix("kdslab: compacted \(path): ") })
        #expect(!FileManager.default.fileExists(atPath: path + ".compacting"))

        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#""records":{"#))
        let again = AWSService.withDefaultAdmin()
        let reopened = try StateJournal.open(path)
        let loaded = try reopened.load(into: again)
        reopened.close()
        #expect(Self.contents(again) == Self.contents(service))
        #expect(loaded.records > 0)
        // Requests kept as they are plus those appended since the last compaction, at most
        // what was acknowledged; the records come back from records lines.
        #expect(loaded.replayed <= acknowledged)
        #expect(Self.contents(again).filter { $0.contains("/w") }.count == 6 * 144)
        // The streams created along the way are all there.
        let streams = again.withWorld { $0.accounts[AWSService.defaultAccount]?.streams["us-east-1"]?.count ?? 0 }
        #expect(streams == 1 + 6 * 6)
    }

    @Test func aCompactedFileGoesOnAndIsCompactedAgain() throws {
        let path = folder + "/state.jsonl"
        let (first, _, _) = try serve(path, policy: Self.eager, writers: 3, each: 100)
        let second = AWSService.withDefaultAdmin()
        let (service, committer, _) = try serve(path, policy: Self.eager, writers: 3, each: 100, service: second)
        #expect(try #require(committer.compactor).compactions >= 1)
        #expect(Self.contents(service).count > Self.contents(first).count)
        let third = AWSService.withDefaultAdmin()
        let reopened = try StateJournal.open(path)
        _ = try reopened.load(into: third)
        reopened.close()
        #expect(Self.contents(third) == Self.contents(service))
    }

    @Test func theFileShrinksWhenRecordsAreGone() throws {
        let path = folder + "/state.jsonl"
        // Write, then delete the streams: a compaction keeps the requests, not the records.
        let service = AWSService.withDefaultAdmin()
        let journal = try StateJournal.open(path)
        _ = try journal.load(into: service)
        service.startJournal()
        let committer = JournalCommitter(service: service, journal: journal, compaction: JournalCompaction(minimumBytes: 64 << 10, ratio: 2))
        committer.start()
        func keep(_ operation: String, _ body: String) throws {
            let answer = StateJournalTests.call(service, operation, body)
            #expect(committer.waitUntilKept(try #require(answer.journalPosition)) == nil)
        }
        try keep("CreateStream", #"{"StreamName":"short-lived","ShardCount":2}"#)
        for i in 0..<400 {
            try keep("PutRecord", #"{"StreamName":"short-lived","PartitionKey":"k\#(i)","Data":"\#(Data(repeating: 7, count: 200).base64EncodedString())"}"#)
        }
        #expect(committer.compactor?.compactions == 0, "records still stored: no compaction yet")
        try keep("DeleteStream", #"{"StreamName":"short-lived"}"#)
        // Writes to another stream make the file grow past the next look.
        try keep("CreateStream", #"{"StreamName":"next","ShardCount":1}"#)
        for i in 0..<40 {
            try keep("PutRecord", #"{"StreamName":"next","PartitionKey":"k\#(i)","Data":"aGk="}"#)
        }
        #expect(committer.stop() == nil)
        journal.close()
        #expect(committer.compactor?.compactions ?? 0 >= 1)
        let length = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(length < 32 << 10, "the file is \(length) bytes")
        let again = AWSService.withDefaultAdmin()
        let reopened = try StateJournal.open(path)
        _ = try reopened.load(into: again)
        reopened.close()
        #expect(Self.contents(again) == Self.contents(service))
        #expect(Self.contents(again).count == 1 + 40)
    }

    @Test func aCompactionThatCannotWriteLeavesTheJournalAsItWas() throws {
        let path = folder + "/state.jsonl"
        // The replacement's name is taken by a folder: creating it fails every time.
        try FileManager.default.createDirectory(atPath: path + ".compacting", withIntermediateDirectories: false)
        let (service, committer, _) = try serve(path, policy: Self.eager, writers: 2, each: 60)
        #expect(committer.compactor?.compactions == 0)
        let notices = committer.compactor?.takeNotices() ?? []
        #expect(!notices.isEmpty)
        #expect(notices.allSatisfy { $0.hasPrefix("kdslab: could not compact \(path) (cannot create '\(path).compacting': Is a directory); it is unchanged and holds every change") })
        #expect(committer.failure == nil)
        let again = AWSService.withDefaultAdmin()
        let reopened = try StateJournal.open(path)
        _ = try reopened.load(into: again)
        reopened.close()
        #expect(Self.contents(again) == Self.contents(service))
    }

    @Test func aLeftoverOfACompactionIsRemovedAtStart() throws {
        let path = folder + "/state.jsonl"
        try StateJournalTests.lines(3).map { $0 + "\n" }.joined().write(toFile: path, atomically: false, encoding: .utf8)
        try "half a snapshot".write(toFile: path + ".compacting", atomically: false, encoding: .utf8)
        let journal = try StateJournal.open(path)
        defer { journal.close() }
        #expect(!FileManager.default.fileExists(atPath: path + ".compacting"))
        #expect(try journal.load(into: AWSService.withDefaultAdmin()).replayed == 3)
    }

    @Test("The policy's overrides must be numbers", arguments: [
        (JournalCompaction.minimumBytesVariable, "lots", "kdslab: KDSLAB_STATE_COMPACT_MIN_BYTES `lots` is not a number of bytes"),
        (JournalCompaction.ratioVariable, "-1", "kdslab: KDSLAB_STATE_COMPACT_RATIO `-1` is not a ratio (a number such as 2 or 1.5)"),
    ])
    func badOverridesAreRefused(name: String, value: String, message: String) throws {
        #expect(throws: CommandFailure(lines: [message])) {
            _ = try JournalCompaction.from(environment: { $0 == name ? value : nil })
        }
        #expect(try JournalCompaction.from(environment: { _ in nil }) == JournalCompaction())
        #expect(try JournalCompaction.from(environment: { [JournalCompaction.minimumBytesVariable: "4096", JournalCompaction.ratioVariable: "1.5"][$0] })
            == JournalCompaction(minimumBytes: 4096, ratio: 1.5))
    }
}
