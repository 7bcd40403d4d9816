import Foundation
import IAMPolicy
import LabKit
import Testing
@testable import LabCLI

/// `progress export` and `progress import` move a learner's progress between machines:
/// checked against the course and the attempt log's hash chain, never losing progress that
/// is newer here without being asked.
@Suite("Progress export and import")
struct ProgressExportTests {
    /// A machine: a progress folder of its own, and the built-in course.
    struct Machine {
        let root = TemporaryRoot()
        var store: FileProgressStore { root.store() }

        func run(_ arguments: [String], files: [String: String] = [:]) -> TestIO {
            let io = TestIO(files: files, environment: ["KDSLAB_HOME": root.path])
            _ = io.run(arguments)
            return io
        }

        func status(_ arguments: [String], files: [String: String] = [:]) -> Int32 {
            TestIO(files: files, environment: ["KDSLAB_HOME": root.path]).run(arguments)
        }
    }

    static func attempt(_ lab: String, score: Int, at minute: Int64 = 0) -> Attempt {
        Attempt(lab: lab, at: UTCTimestamp(secondsSinceEpoch: 1_795_947_300 + minute * 60), score: score, maxScore: 11,
                passed: score == 11, submissionSHA256: String(repeating: "a", count: 64), hintsUsed: 0)
    }

    /// `machine`'s export, as a file in memory named `/export.json`.
    static func export(_ machine: Machine) throws -> [String: String] {
        let io = machine.run(["progress", "export", "-"])
        #expect(io.error == "")
        return ["/export.json": io.output]
    }

    @Test("a fresh machine takes everything: attempts, lessons read, drafts; the log stays intact")
    func roundTrip() throws {
        let a = Machine(), b = Machine()
        defer { a.root.remove(); b.root.remove() }
        try a.store.appendAttempt(Self.attempt("producer-only", score: 4))
        try a.store.appendAttempt(Self.attempt("producer-only", score: 11, at: 1))
        try a.store.record(.hint(lab: "consumer-only", at: UTCTimestamp(secondsSinceEpoch: 1_795_947_500)))
        try a.store.saveDraft("{\"mine\": 1}", for: "consumer-only")
        try a.store.noteRead("least-privilege")
        let file = try Self.export(a)
        let document = try JSONReader(limits: .init(maxBytes: 1 << 20, maxDepth: 16)).read(file["/export.json"]!)
        #expect(document["schema"]?.stringValue == "kdslab-progress-export" && document["schemaVersion"]?.kind == .number("1"))
        #expect(document["course"]?["id"]?.stringValue == "kinesis-security")
        #expect(document["attempts"]?.elements?.count == 3)

        let imported = b.run(["progress", "import", "/export.json"], files: file)
        #expect(imported.error == "")
        #expect(imported.output.hasPrefix("Imported 3 new attempt log lines from /export.json into \(b.root.path).\n"), "\(imported.output)")
        #expect(imported.output.contains("Lessons read: 1 added.") && imported.output.contains("Draft of `consumer-only` added."))
        #expect(try b.store.load() == a.store.load())
        #expect(try b.store.verifyLog() == .intact(lines: 3))
        #expect(try b.store.draft(for: "consumer-only") == "{\"mine\": 1}")
        #expect(try b.store.readingRecord().lessons == ["least-privilege"])
        #expect(b.root.read("attempts.log") == a.root.read("attempts.log"), "the log travels line for line")

        // Again: nothing to do.
        let again = b.run(["progress", "import", "/export.json"], files: file)
        #expect(again.output == "Your attempt log already holds /export.json's 3 lines.\n")
    }

    @Test("an older export is refused, and so is one that went its own way, unless --replace; nothing changes")
    func neverLosesNewerProgress() throws {
        let a = Machine(), b = Machine()
        defer { a.root.remove(); b.root.remove() }
        try a.store.appendAttempt(Self.attempt("producer-only", score: 4))
        let old = try Self.export(a)
        try a.store.appendAttempt(Self.attempt("producer-only", score: 11, at: 1))
        let before = a.root.read("attempts.log")
        #expect(a.status(["progress", "import", "/export.json"], files: old) == 1)
        let refused = a.run(["progress", "import", "/export.json"], files: old)
        #expect(refused.output.hasPrefix("Not imported: your progress here is newer than /export.json's: it has 1 attempt log line after "
                                         + "everything /export.json holds"), "\(refused.output)")
        #expect(a.root.read("attempts.log") == before)

        // b went its own way from the same start.
        _ = b.run(["progress", "import", "/export.json"], files: old)
        try b.store.appendAttempt(Self.attempt("consumer-only", score: 2, at: 5))
        let newer = try Self.export(a)
        let diverged = b.run(["progress", "import", "/export.json"], files: newer)
        #expect(diverged.output.hasPrefix("Not imported: your progress here and /export.json's went separate ways after attempt log line 1"))
        #expect(try b.store.load()["consumer-only"].attempts == 1)

        let replaced = b.run(["progress", "import", "/export.json", "--replace"], files: newer)
        #expect(replaced.output.contains("its 2 attempt log lines in place of yours"), "\(replaced.output)")
        #expect(try b.store.load() == a.store.load())
        let kept = b.root.names().filter { $0.contains(".replaced-") }
        #expect(kept.count == 2 && kept.contains { $0.hasPrefix("attempts.log.replaced-") }, "\(kept)")
    }

    @Test("a newer export is taken over a beginning of it; a differing draft here stays and theirs goes beside it")
    func fastForward() throws {
        let a = Machine(), b = Machine()
        defer { a.root.remove(); b.root.remove() }
        try a.store.appendAttempt(Self.attempt("producer-only", score: 4))
        _ = b.run(["progress", "import", "/export.json"], files: try Self.export(a))
        try b.store.saveDraft("{\"b\": 1}", for: "producer-only")
        try a.store.appendAttempt(Self.attempt("producer-only", score: 11, at: 1))
        try a.store.saveDraft("{\"a\": 1}", for: "producer-only")
        let io = b.run(["progress", "import", "/export.json"], files: try Self.export(a))
        #expect(io.output.hasPrefix("Imported 1 new attempt log line from /export.json"), "\(io.output)")
        #expect(io.output.contains("Your draft of `producer-only` differs from /export.json's and stays; theirs is saved as \(b.root.path)/workspace/producer-only.json.imported-"))
        #expect(try b.store.load()["producer-only"].status == .passed)
        #expect(try b.store.draft(for: "producer-only") == "{\"b\": 1}")
    }

    @Test("an export for another course, or with an edited log, is refused with one line (exit 2)")
    func refusedFiles() throws {
        let a = Machine(), b = Machine()
        defer { a.root.remove(); b.root.remove() }
        try a.store.appendAttempt(Self.attempt("producer-only", score: 4))
        try a.store.appendAttempt(Self.attempt("producer-only", score: 5, at: 1))
        let file = try Self.export(a)["/export.json"]!

        let pack = ["/other/course.json": #"{"formatVersion": 1, "id": "other", "title": "Other", "version": "1.0.0"}"#,
                    "/other/labs/x/lab.json": "{}", "/export.json": file]
        let wrongCourse = b.run(["progress", "import", "/export.json", "--course", "/other"], files: pack)
        #expect(wrongCourse.error == "kdslab: /export.json holds progress in `kinesis-security` (“Amazon Kinesis Data Streams security”), "
                + "but the course here is `other`; choose that course with --course DIR\n")

        let edited = file.replacingOccurrences(of: #"\"score\":4"#, with: #"\"score\":11"#)
        #expect(edited != file)
        let tampered = b.run(["progress", "import", "/export.json"], files: ["/export.json": edited])
        #expect(tampered.error.hasPrefix("kdslab: /export.json: its attempt log is not intact: attempt log NOT intact at line 2"), "\(tampered.error)")
        #expect(b.status(["progress", "import", "/export.json"], files: ["/export.json": edited]) == 2)
        #expect(!FileManager.default.fileExists(atPath: b.root.path + "/attempts.log"))

        let notExport = b.run(["progress", "import", "/export.json"], files: ["/export.json": #"{"schema": "x"}"#])
        #expect(notExport.error.hasPrefix("kdslab: /export.json: not a kdslab progress export (its `schema` is `x`"))
        let newer = b.run(["progress", "import", "/export.json"],
                          files: ["/export.json": #"{"schema": "kdslab-progress-export", "schemaVersion": 2}"#])
        #expect(newer.error.contains("schemaVersion 2 is newer than this kdslab reads (1); update kdslab"))
    }

    @Test("progress --output json is the documented, versioned document")
    func progressDocument() throws {
        let a = Machine()
        defer { a.root.remove() }
        try a.store.appendAttempt(Self.attempt("producer-only", score: 11))
        let io = a.run(["progress", "--output", "json"])
        let document = try JSONReader(limits: .init(maxBytes: 1 << 20, maxDepth: 16)).read(io.output)
        #expect(document.members?.map(\.key) == ["schema", "schemaVersion", "kdslabVersion", "course", "home", "labs", "lessonsRead", "log"])
        #expect(document["schema"]?.stringValue == "kdslab-progress" && document["schemaVersion"]?.kind == .number("1"))
        #expect(document["course"]?.members?.map(\.key) == ["id", "title", "version"])
        let lab = try #require(document["labs"]?.elements?.first { $0["id"]?.stringValue == "producer-only" })
        #expect(lab.members?.map(\.key) == ["id", "title", "status", "bestScore", "maxScore", "attempts", "lastAttemptAt",
                                            "hintsUsed", "solutionViewed", "passedAt"])
        #expect(lab["status"]?.stringValue == "passed")
    }
}
