import Foundation
import Testing
@testable import LabCLI
import LabKit

@Suite struct FileProgressStoreTests {
    @Test func recordsAttemptsInReadableFilesWithPrivateModes() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        try store.appendAttempt(attempt("kds-101", score: 3))
        let change = try store.appendAttempt(attempt("kds-101", score: 5, passed: true))
        #expect(change.isFirstPass && change.after.attempts == 2)

        let reopened = try root.store().load()
        #expect(reopened["kds-101"].bestScore == 5 && reopened["kds-101"].status == .passed)
        #expect(root.read("progress.json")?.contains(#""status": "passed""#) == true)
        let log = try #require(root.read("attempts.log")).split(separator: "\n")
        #expect(log.count == 2)
        #expect(log[0].hasPrefix(#"{"prev":"0000000000000000000000000000000000000000000000000000000000000000","event":"attempt","lab":"kds-101""#))
        #expect(try store.verifyLog() == .intact(lines: 2))
        for (name, mode) in [("", 0o700), ("progress.json", 0o600), ("attempts.log", 0o600), (".lock", 0o600)] {
            let attributes = try FileManager.default.attributesOfItem(atPath: root.path + "/" + name)
            #expect((attributes[.posixPermissions] as? Int) == mode, "\(name)")
        }
        #expect(store.takeWarnings().isEmpty)
    }

    @Test func anInterruptedAtomicWriteLeavesTheOldContent() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        try root.store().appendAttempt(attempt("a", score: 1))
        let before = try #require(root.read("progress.json"))
        // A session killed after writing its temporary file but before renaming it.
        try root.write(".kdslab-tmp-999999999-0123456789abcdef", "{\"formatVersion\": 1, \"la")
        #expect(root.read("progress.json") == before)
        #expect(try root.store().load()["a"].attempts == 1)
        #expect(!root.names().contains(".kdslab-tmp-999999999-0123456789abcdef"))
    }

    @Test func onlyStaleTemporariesKdslabNamedAreRemovedNeverTheLearnersFiles() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        try store.saveDraft("{}", for: "a")
        // The learner's own files, some of them named much like a temporary file.
        let learners = ["ideas.tmp.json", "notes.json.tmp.123", "a.json.tmp-42", ".kdslab-tmp-notes",
                        ".kdslab-tmp-999999999-0123456789abcdef.bak", ".kdslab-tmp-999999999-0123456789ABCDEF"]
        // 999999999 is above any pid_max, so no process has it: its temporary is stale.
        // Process 1 is alive: its temporary may be in use and is kept.
        let stale = ".kdslab-tmp-999999999-0123456789abcdef"
        let live = ".kdslab-tmp-1-fedcba9876543210"
        for folder in ["", "workspace/"] {
            for name in learners + [stale, live] { try root.write(folder + name, "mine") }
        }
        try store.saveDraft("{\"Version\": \"2012-10-17\"}", for: "a")
        try store.appendAttempt(attempt("a", score: 1))

        for folder in ["", "workspace/"] {
            for name in learners + [live] { #expect(root.read(folder + name) == "mine", "\(folder)\(name)") }
            #expect(root.read(folder + stale) == nil, "\(folder)\(stale)")
        }
        // What kdslab writes itself leaves no temporary behind.
        #expect(root.names().filter { $0.hasPrefix(".kdslab-tmp-") }.sorted() == (learners + [live]).filter { $0.hasPrefix(".kdslab-tmp-") }.sorted())
    }

    @Test func appendOnlyEventsAreCaughtUpOnLoad() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        try store.record(.hint(lab: "a", at: UTCTimestamp(secondsSinceEpoch: 0)))
        try store.append(.attempt(attempt("a", score: 4)))
        #expect(try store.load()["a"] == LabProgress(
            status: .inProgress, bestScore: 4, maxScore: 5, attempts: 1,
            lastAttemptAt: UTCTimestamp(secondsSinceEpoch: 1_795_947_300), hintsUsed: 1))
        #expect(try store.verifyLog() == .intact(lines: 2))
    }

    @Test func unreadableProgressIsSetAsideAndRebuiltFromTheLog() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        try store.appendAttempt(attempt("a", score: 2))
        try store.appendAttempt(attempt("a", score: 4))
        try store.record(.hint(lab: "b", at: UTCTimestamp(secondsSinceEpoch: 0)))
        let expected = try store.load()
        try root.write("progress.json", "{\n  \"formatVersion\": 1,\n  \"labs\": {\"a\": tru")

        let state = try store.load()
        #expect(state == expected)
        #expect(store.takeWarnings().map(\.description) == [
            "progress.json was unreadable (line 3, column 20: unexpected end of input; expected `true`); kept it as progress.json.corrupt-20261129T101500Z and rebuilt it from the attempt log (3 lines)",
        ])
        #expect(root.read("progress.json.corrupt-20261129T101500Z") == "{\n  \"formatVersion\": 1,\n  \"labs\": {\"a\": tru")
        #expect(try ProgressState(jsonText: #require(root.read("progress.json"))) == expected)
    }

    @Test func unreadableProgressWithAnEditedLogStartsFreshAndSaysWhy() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        try store.appendAttempt(attempt("a", score: 2))
        try store.appendAttempt(attempt("a", score: 3))
        let log = try #require(root.read("attempts.log"))
        try root.write("attempts.log", log.replacingOccurrences(of: #""score":2"#, with: #""score":5"#))
        try root.write("progress.json", #"{"formatVersion": 1, "labs": {"a": {"status": "passed"}}}"#)

        #expect(try store.load().labs.isEmpty)
        let warning = try #require(store.takeWarnings().first?.description)
        #expect(warning.hasPrefix("progress.json was unreadable (`labs.a.attempts` should be a whole number); kept it as progress.json.corrupt-"))
        #expect(warning.hasSuffix("and started fresh because the attempt log NOT intact at line 2: its `prev` is not the hash of the line before (that line or this one was edited, or lines were removed)"))
    }

    @Test func editedLogLinesAreFound() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        for score in 1...4 { try store.appendAttempt(attempt("a", score: score)) }
        let original = try #require(root.read("attempts.log"))

        // A middle line: the next line's prev no longer matches.
        try root.write("attempts.log", original.replacingOccurrences(of: #""score":2"#, with: #""score":5"#))
        #expect(try store.verifyLog() == .broken(line: 3, problem: .chainBroken))

        // The last line: progress.json remembers its hash.
        try root.write("attempts.log", original.replacingOccurrences(of: #""score":4"#, with: #""score":5"#))
        #expect(try store.verifyLog() == .broken(line: 4, problem: .lastLineChanged))

        // The last line removed.
        let three = original.split(separator: "\n").prefix(3).map { $0 + "\n" }.joined()
        try root.write("attempts.log", three)
        #expect(try store.verifyLog() == .broken(line: 4, problem: .linesRemoved(recorded: 4)))

        // A line that is not JSON.
        try root.write("attempts.log", original.replacingOccurrences(of: #"{"prev""#, with: #"["prev""#))
        guard case .broken(1, .unreadable) = try store.verifyLog() else {
            Issue.record("an unreadable first line was not reported")
            return
        }
    }

    @Test func newerFormatIsRefusedAndLeftAlone() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path, withIntermediateDirectories: true)
        let newer = #"{"formatVersion": 2, "labs": {"a": {"grade": "A"}}}"#
        try root.write("progress.json", newer)
        let refused = ProgressStoreError.unsupportedFormat(
            path: root.path + "/progress.json", .unsupportedFormatVersion(found: 2, supported: 1))
        #expect(refused.description == "\(root.path)/progress.json: formatVersion 2 is newer than this kdslab reads (1); update kdslab; the file was left as it is")
        let hint = ProgressEvent.hint(lab: "a", at: UTCTimestamp(secondsSinceEpoch: 0))
        let writes: [(String, (FileProgressStore) throws -> Void)] = [
            ("appendAttempt", { try $0.appendAttempt(attempt("a", score: 1)) }),
            ("record", { try $0.record(hint) }),
            ("append", { try $0.append(hint) }),
            ("update", { try $0.update { $0.labs["a"] = LabProgress() } }),
            ("reset", { _ = try $0.reset(lab: "a") }),
            ("load", { _ = try $0.load() }),
        ]
        for (name, write) in writes {
            #expect(throws: refused, "\(name)") { try write(root.store()) }
        }
        #expect(root.read("progress.json") == newer)
        #expect(root.read("attempts.log") == nil)
    }

    @Test func anUnfinishedLastLineIsSetAsideAtTheNextAppend() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        try store.appendAttempt(attempt("a", score: 1))
        let handle = try #require(FileHandle(forWritingAtPath: root.path + "/attempts.log"))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"prev":"12ab","event":"att"#.utf8))
        try handle.close()
        #expect(try store.verifyLog() == .tornTail(lines: 1))

        try store.appendAttempt(attempt("a", score: 2))
        #expect(try store.verifyLog() == .intact(lines: 2))
        #expect(try store.load()["a"].attempts == 2)
        let warnings = store.takeWarnings().map(\.description)
        #expect(warnings.count == 1)
        let kept = try #require(root.names().first { $0.hasPrefix("attempts.log.torn-") })
        #expect(warnings.first == "attempts.log ended in an unfinished line 2 from an interrupted session; moved it to \(kept)")
        #expect(root.read(kept) == #"{"prev":"12ab","event":"att"#)
    }

    @Test func resetKeepsTheDraftAndTheHistory() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        try store.appendAttempt(attempt("a", score: 3))
        try store.saveDraft("{\"Version\": \"2012-10-17\"}", for: "a")
        #expect(try store.draftPath(for: "a") == root.path + "/workspace/a.json")
        #expect(try store.draft(for: "a") == "{\"Version\": \"2012-10-17\"}")

        let result = try store.reset(lab: "a")
        #expect(result.change.before.attempts == 1 && result.change.after == .notStarted)
        let keptAs = try #require(result.draftKeptAs)
        #expect(keptAs.hasPrefix(root.path + "/workspace/a.json.bak-2026"))
        #expect(try store.draft(for: "a") == nil)
        #expect(try store.load().labs.isEmpty)
        #expect(try store.events().map(\.name) == ["attempt", "reset"])
        #expect(try store.verifyLog() == .intact(lines: 2))
    }

    @Test(arguments: ["", "../x", ".hidden", "a/b", "lab 1"])
    func labIDsThatCannotNameAFileAreRefused(id: String) {
        let root = TemporaryRoot()
        defer { root.remove() }
        #expect(throws: ProgressStoreError.invalidLabID(id)) { try root.store().saveDraft("x", for: id) }
        #expect(throws: ProgressStoreError.invalidLabID(id)) { try root.store().appendAttempt(attempt(id, score: 1)) }
    }

    @Test func aHeldLockTimesOutWithAClearError() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path, withIntermediateDirectories: true)
        let fd = open(root.path + "/.lock", O_RDWR | O_CREAT, 0o600)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        let error = #expect(throws: ProgressStoreError.self) { try root.store(lockTimeout: 0.1).load() }
        #expect(error?.description == "another kdslab session holds the progress lock (\(root.path)/.lock) and did not let go within 1 s; finish or close it and try again")
    }
}
