import Foundation
import Testing
@testable import LabCLI

/// Sessions whose progress cannot be written: the learner is told what was not saved, a
/// draft that could not be saved is never graded in its place, and the session exits 1.
///
/// Tests run as root here, where permission bits do not stop writes; the failures are forced
/// by putting a file or a folder where kdslab needs the other.
@Suite("REPL sessions that cannot save")
struct ReplSavingTests {
    static let solution = ReplHarness.courseFile("labs/producer-only/solution.json")

    @Test("a state folder that cannot be created: each failure is said, and leaving lists what was not saved")
    func nothingCanBeWritten() throws {
        let harness = try ReplHarness()
        // A regular file where the state folder's parent should be: every mkdir fails.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: harness.home + "/blocked"))
        let (io, status) = harness.run("start producer-only\nquit\n",
                                       environment: ["KDSLAB_HOME": harness.home + "/blocked/kdslab"])
        #expect(status == 1)
        #expect(io.output.contains("✘ cannot read your progress: cannot create the directory \(harness.home)/blocked/kdslab: Not a directory"))
        #expect(io.output.contains("✘ cannot save your draft: "))
        #expect(!io.output.contains("Your progress is saved"))
        #expect(io.output.contains("✘ not saved this session: the draft of producer-only"))
    }

    @Test("a paste that cannot be saved stops the next check and submit: the older draft on disk is not graded")
    func unsavedPasteStopsSubmit() throws {
        let harness = try ReplHarness()
        #expect(harness.run("start producer-only\nquit\n").status == 0)
        // Every write takes the lock; a folder where the lock file should be makes each fail,
        // while the draft on disk (the starter) can still be read.
        try FileManager.default.removeItem(atPath: harness.home + "/.lock")
        try FileManager.default.createDirectory(atPath: harness.home + "/.lock", withIntermediateDirectories: false)

        let (io, status) = harness.run("start producer-only\npaste\n\(Self.solution).\ncheck\nsubmit\n")
        #expect(status == 1)
        #expect(io.output.contains("✘ cannot save your draft: cannot open the lock file \(harness.home)/.lock: Is a directory"))
        #expect(!io.output.contains("Saved "))
        let refusal = "the last change to your draft of producer-only was not saved, and the draft on disk is older: "
            + "fix the problem above and `paste` again, or `edit` \(harness.home)/workspace/producer-only.json"
        #expect(io.output.contains("✘ not checked: " + refusal))
        #expect(io.output.contains("✘ not submitted: " + refusal))
        // Nothing was graded: not the starter, not the paste.
        #expect(!io.output.contains("producer-only: "), "\(io.output)")
        #expect(!io.output.contains("Recorded"))
        #expect(io.output.contains("✘ not saved this session: the draft of producer-only"))
        #expect(harness.draft("producer-only") == ReplHarness.courseFile("labs/producer-only/starter.json"))
    }

    @Test("a progress.json from a newer kdslab: said at the start, never overwritten, and the attempt is listed as not saved")
    func newerFormat() throws {
        let harness = try ReplHarness()
        let newer = #"{"formatVersion": 2, "labs": {"producer-only": {"grade": "A"}}}"#
        try Data(newer.utf8).write(to: URL(fileURLWithPath: harness.home + "/progress.json"))

        let (io, status) = harness.run("start producer-only\npaste\n\(Self.solution).\nsubmit\nhint\nquit\n")
        #expect(status == 1)
        let reason = "\(harness.home)/progress.json: formatVersion 2 is newer than this kdslab reads (1); update kdslab; the file was left as it is"
        #expect(io.output.contains("✘ cannot read your progress: " + reason))
        #expect(io.output.contains("✘ cannot record your attempt: " + reason))
        #expect(io.output.contains("✘ not saved this session: your attempt at producer-only (11/11)"))
        #expect(!io.output.contains("Your progress is saved"))
        #expect(try String(contentsOfFile: harness.home + "/progress.json", encoding: .utf8) == newer)
        #expect(!FileManager.default.fileExists(atPath: harness.home + "/attempts.log"))
    }

    @Test("the end of input after a failed save exits 1 too")
    func endOfInputAfterAFailure() throws {
        let harness = try ReplHarness()
        try Data(#"{"formatVersion": 2}"#.utf8).write(to: URL(fileURLWithPath: harness.home + "/progress.json"))
        let (io, status) = harness.run("start producer-only\nsolution --give-up\n")
        #expect(status == 1)
        #expect(io.output.contains("✘ not saved this session: that you gave up on producer-only"))
    }
}
