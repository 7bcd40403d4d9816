import Foundation
import Testing
@testable import LabCLI
import LabKit
import IAMPolicy

@Suite struct ProgressCommandTests {
    /// I/O whose course has no labs (an empty labs folder), so the table shows only the labs
    /// with progress; without it the course built into kdslab would be listed.
    static func io(_ root: TemporaryRoot) -> TestIO {
        let io = TestIO(environment: ["KDSLAB_HOME": root.path, "KDSLAB_LABS": "/empty/labs"])
        io.directories = ["/empty/labs"]
        return io
    }

    @Test func showsATableAndTheLogCheck() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        try store.appendAttempt(attempt("kds-101", score: 5, passed: true))
        try store.record(.gaveUp(lab: "kds-101", at: UTCTimestamp(secondsSinceEpoch: 0)))
        try store.record(.hint(lab: "kds-201", at: UTCTimestamp(secondsSinceEpoch: 0)))
        let io = Self.io(root)
        #expect(io.run(["progress"]) == 0)
        #expect(io.output == """
            Progress in \(root.path)

            LAB      STATUS                  BEST  ATTEMPTS  HINTS
            kds-101  passed (solution seen)  5/5   1         0
            kds-201  in progress             -     0         1

            attempt log intact (3 lines)

            """)
        #expect(io.error == "")
    }

    @Test func knownLabsAreListedFirstWithTheirTitles() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        try root.store().appendAttempt(attempt("extra", score: 1))
        let command = ProgressCommand(io: TestIO(), knownLabs: [(id: "kds-101", title: "Least privilege")])
        let rows = command.rows(try root.store().load())
        #expect(rows.map(\.id) == ["kds-101", "extra"])
        #expect(rows[0] == ProgressRow(id: "kds-101", title: "Least privilege", progress: .notStarted))
    }

    @Test func jsonOutputAndAnEditedLogExitsOne() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        try store.appendAttempt(attempt("a", score: 2))
        try store.appendAttempt(attempt("a", score: 3))
        let log = try #require(root.read("attempts.log"))
        try root.write("attempts.log", log.replacingOccurrences(of: #""score":2"#, with: #""score":5"#))
        let io = TestIO(environment: ["KDSLAB_HOME": root.path])
        #expect(io.run(["progress", "--output", "json"]) == 1)
        #expect(io.output.contains(#""brokenAtLine": 2"#))
        #expect(io.output.contains(#""attempts": 2"#))
    }

    @Test func aCorruptFileIsReportedOnStandardError() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        try root.store().appendAttempt(attempt("a", score: 2))
        try root.write("progress.json", "not json")
        let io = Self.io(root)
        #expect(io.run(["progress"]) == 0)
        #expect(io.error.hasPrefix("kdslab: warning: progress.json was unreadable (line 1, column 2: unexpected character `o`; expected `null`); kept it as progress.json.corrupt-"))
        #expect(io.error.hasSuffix("and rebuilt it from the attempt log (1 line)\n"))
        #expect(io.output.contains("a    in progress  2/5"))
    }

    @Test func aNewerFileIsAnError() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path, withIntermediateDirectories: true)
        try root.write("progress.json", #"{"formatVersion": 7}"#)
        let io = TestIO(environment: ["KDSLAB_HOME": root.path])
        #expect(io.run(["progress"]) == 2)
        #expect(io.error == "kdslab: \(root.path)/progress.json: formatVersion 7 is newer than this kdslab reads (1); update kdslab; the file was left as it is\n")
    }

    @Test func resetAsksForYesThenKeepsTheDraft() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let store = root.store()
        try store.appendAttempt(attempt("a", score: 2))
        try store.saveDraft("{}", for: "a")
        let io = Self.io(root)
        #expect(io.run(["reset", "a"]) == 1)
        #expect(io.output == "This would forget `a`: 1 attempt, best 2/5, 0 hints, status in progress, your draft (set aside, not deleted). Run 'kdslab reset a --yes' to do it.\n")
        #expect(try store.load()["a"].attempts == 1)

        let confirmed = Self.io(root)
        #expect(confirmed.run(["reset", "a", "--yes"]) == 0)
        #expect(confirmed.output.hasPrefix("Reset `a`: forgot 1 attempt"))
        #expect(confirmed.output.contains("Your draft is kept as \(root.path)/workspace/a.json.bak-"))
        #expect(try store.load().labs.isEmpty)
        #expect(try store.events().map(\.name) == ["attempt", "reset"])

        let again = Self.io(root)
        #expect(again.run(["reset", "a", "--yes"]) == 0)
        #expect(again.output == "`a` has no progress to reset.\n")
    }

    @Test func noHomeIsAClearError() {
        let io = TestIO()
        #expect(io.run(["progress"]) == 2)
        #expect(io.error == "kdslab: cannot tell where to keep progress: set KDSLAB_HOME, XDG_STATE_HOME or HOME\n")
    }

    /// What `progress --verify` promises, word for word (the README says the same).
    static let promise = "What this shows: the hash chain detects accidental damage (a torn or corrupted file) and naive "
        + "edits to attempts.log or progress.json. It does not detect someone who edits the log and recomputes the "
        + "hashes: everything needed to do that is on this machine. Instructors grade submissions (kdslab grade), "
        + "not local progress."

    @Test func verifySaysTheLogIsIntactAndWhatThatPromises() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        try root.store().appendAttempt(attempt("a", score: 2))
        try root.store().appendAttempt(attempt("a", score: 3))
        let io = TestIO(environment: ["KDSLAB_HOME": root.path])
        #expect(io.run(["progress", "--verify"]) == 0)
        #expect(io.output == "attempt log intact (2 lines)\n\n\(Self.promise)\n")
        #expect(io.error == "")
    }

    @Test func verifyReportsTheFirstBrokenLineByNumberAndExitsOne() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        for score in 1...4 { try root.store().appendAttempt(attempt("a", score: score)) }
        let log = try #require(root.read("attempts.log"))
        try root.write("attempts.log", log.replacingOccurrences(of: #""score":2"#, with: #""score":5"#))
        let io = TestIO(environment: ["KDSLAB_HOME": root.path])
        #expect(io.run(["progress", "--verify"]) == 1)
        #expect(io.output == "attempt log NOT intact at line 3: its `prev` is not the hash of the line before "
                + "(that line or this one was edited, or lines were removed)\n\n\(Self.promise)\n")

        let json = TestIO(environment: ["KDSLAB_HOME": root.path])
        #expect(json.run(["progress", "--verify", "--output", "json"]) == 1)
        let document = try JSONReader().read(json.output)
        #expect(document["log"]?["brokenAtLine"]?.kind == .number("3"))
        #expect(document["log"]?["intact"]?.kind == .bool(false))
        #expect(document["promise"]?.stringValue == Self.promise)
    }

    /// The limit the promise states, shown: rewriting a line and recomputing every hash after
    /// it (and progress.json's record of the last one) passes the check.
    @Test func aForgerWhoRecomputesTheHashesIsNotDetected() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        for score in 1...3 { try root.store().appendAttempt(attempt("a", score: score)) }
        var events = try root.store().events()
        events[0] = .attempt(attempt("a", score: 5, passed: true))
        var forged = AttemptLog(bytes: [])
        for event in events { forged = AttemptLog(bytes: forged.lines.flatMap { Array($0) + [0x0A] } + forged.line(for: event)) }
        var state = ProgressState()
        forged.catchUp(&state)
        try root.write("attempts.log", String(decoding: forged.lines.flatMap { Array($0) + [0x0A] }, as: UTF8.self))
        try root.write("progress.json", state.jsonText)

        let io = TestIO(environment: ["KDSLAB_HOME": root.path])
        #expect(io.run(["progress", "--verify"]) == 0)
        #expect(io.output.hasPrefix("attempt log intact (3 lines)"))
        #expect(try root.store().load()["a"].status == .passed)
    }
}
