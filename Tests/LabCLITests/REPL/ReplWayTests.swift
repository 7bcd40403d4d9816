import Foundation
import LabKit
import Testing
@testable import LabCLI

/// Finding the way through the course: `next`, the progress bar, lessons read, `start N`,
/// `reset`, giving up, and the end of the course.
@Suite("REPL: finding the way")
struct ReplWayTests {
    static func solution(_ lab: String) -> String { ReplHarness.courseFile("labs/\(lab)/solution.json") }

    /// The course's labs in order.
    /// The course's labs in order: each after the lesson it practises (issue 13).
    static let labIDs = ["why-least-privilege", "producer-only", "read-a-policy", "explicit-deny-guardrail",
                         "predict-the-decision", "notaction-trap", "arn-wildcards", "fix-rbe-wildcard",
                         "consumer-only", "efo-consumer", "resharding-operator", "stream-administrator",
                         "assume-role", "https-only", "kms-producer-consumer", "cross-account-consumer",
                         "client-side-encryption", "fips-endpoints", "vpce-only", "least-privilege-audit"]

    @Test("after a pass, next is the lab after it in course order, not the first unpassed one")
    func nextAfterThePass() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start 7\npaste\n\(Self.solution("arn-wildcards")).\nsubmit\nnext\nread 6\nnext\n")
        #expect(io.output.contains("Course progress: 0/20 ░░░░░░░░░░"))
        #expect(io.output.contains("(lab arn-wildcards, difficulty 2 of 5)"))
        let expected = "Next: `read 6` (Over-broad policies), then `start fix-rbe-wildcard` (lab 8: Fix an over-broad kinesis:* on *, difficulty 2/5)."
        #expect(io.output.contains("Passed! Recorded."))
        #expect(io.output.contains("Course progress: 1/20 ▓░░░░░░░░░\n" + expected))
        // `next` says the same, and drops the lesson once it is read.
        #expect(io.output.contains("You passed arn-wildcards (Wildcards in ARNs: dev streams only) last.\n" + expected))
        #expect(io.output.hasSuffix("Next: `start fix-rbe-wildcard` (lab 8: Fix an over-broad kinesis:* on *, difficulty 2/5).\nCourse progress: 1/20 ▓░░░░░░░░░\n"))
    }

    @Test("a new session goes on from the lab passed last, and the welcome shows the bar")
    func welcomeGoesOn() throws {
        let harness = try ReplHarness()
        _ = harness.run("start arn-wildcards\npaste\n\(Self.solution("arn-wildcards")).\nsubmit\n")
        let (io, _) = harness.run("")
        #expect(io.output.contains("15 lessons, 20 labs.\nCourse progress: 1/20 ▓░░░░░░░░░\nNext: `read 6` (Over-broad policies), then `start fix-rbe-wildcard`"))
    }

    @Test("read is recorded: lessons marks it, and it lasts into the next session")
    func readsAreRecorded() throws {
        let harness = try ReplHarness()
        let (first, _) = harness.run("lessons\nread 2\nlessons\n")
        #expect(first.output.contains("   2.   Anatomy of a policy"))
        #expect(first.output.contains("   2. ✔ Anatomy of a policy"))
        #expect(first.output.contains("You have read 1 of 15 (✔)."))
        let (second, _) = harness.run("lessons\n")
        #expect(second.output.contains("   2. ✔ Anatomy of a policy"))
        let record = try harness.store.readingRecord()
        #expect(record.lessons == ["policy-anatomy"])
    }

    @Test("labs lists difficulty and lessons, marks the current lab and ends with the bar")
    func labs() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start 9\nlabs\n", columns: 120)
        let lines = io.output.components(separatedBy: "\n")
        let header = try #require(lines.first { $0.contains("DIFFICULTY") })
        #expect(header.contains("LAB") && header.contains("TITLE") && header.contains("LESSON") && header.contains("STATUS"))
        let row = try #require(lines.first { $0.hasPrefix("*9.") })
        #expect(row.hasPrefix("*9.  consumer-only"))
        #expect(row.contains("1/5") && row.contains("7 ") && row.hasSuffix("not started"))
        #expect(io.output.contains("Course progress: 0/20 ░░░░░░░░░░\n`start N` or `start LAB` works on one"))
    }

    @Test("start takes a lab's number as read takes a lesson's", arguments: [("1", "why-least-privilege"), ("20", "least-privilege-audit")])
    func startByNumber(_ number: String, _ id: String) throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start \(number)\n")
        #expect(io.output.contains("(lab \(id), difficulty"))
        #expect(harness.draft(id) != nil)
        let (bad, _) = harness.run("start 21\nstart 0\n")
        #expect(bad.output.contains("✘ no lab 21: `labs` lists them (1 to 20)"))
        #expect(bad.output.contains("✘ no lab 0: `labs` lists them (1 to 20)"))
    }

    @Test("reset leaves the starter as the draft and the lab current")
    func resetToTheStarter() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\npaste\n\(Self.solution("producer-only")).\nsubmit\nstart 1\nreset producer-only --yes\ncheck\nreset nope --yes\n")
        #expect(io.output.contains("Reset `producer-only`"))
        #expect(io.output.contains("Your draft is the lab's starter again: \(harness.home)/workspace/producer-only.json"))
        #expect(io.output.contains("`producer-only` is your current lab: `show` shows it, `check` grades your draft."))
        #expect(harness.draft("producer-only") == ReplHarness.courseFile("labs/producer-only/starter.json"))
        #expect(io.output.contains("producer-only: ") && io.output.contains("not passed yet"))
        #expect(io.output.contains("✘ no lab `nope`"))
    }

    @Test("solution --give-up asks first on a terminal; only yes gives up", arguments: [
        ("y", true), ("yes", true), ("n", false), ("", false),
    ])
    func giveUpAsks(_ answer: String, _ gaveUp: Bool) throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\nsolution --give-up\n\(answer)\nprogress\n", inputIsTerminal: true)
        #expect(io.output.contains("Give up on producer-only and see its solution? This is recorded in your progress.\n[y/N] "))
        #expect(io.output.contains("The reference solution for producer-only:") == gaveUp)
        #expect(io.output.contains("Not given up. `hint` helps with the first failing check.") == !gaveUp)
        #expect(try harness.store.load()["producer-only"].solutionViewed == gaveUp)
    }

    @Test("a script gives up without being asked")
    func giveUpPiped() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\nsolution --give-up\n")
        #expect(!io.output.contains("[y/N]"))
        #expect(io.output.contains("The reference solution for producer-only:"))
    }

    @Test("finishing the course shows a summary and writes a certificate to keep")
    func finishing() throws {
        let harness = try ReplHarness()
        let store = harness.store
        for (n, lab) in Self.labIDs.enumerated() where lab != "producer-only" {
            try store.appendAttempt(Attempt(lab: lab, at: UTCTimestamp(secondsSinceEpoch: 1_600_000_000 + Int64(n) * 600),
                                            score: 3, maxScore: 3, passed: true,
                                            submissionSHA256: String(repeating: "a", count: 64), hintsUsed: 0))
        }
        try store.record(.hint(lab: "producer-only", at: UTCTimestamp(secondsSinceEpoch: 1_600_000_000)))
        let (io, _) = harness.run("start producer-only\npaste\n\(Self.solution("producer-only")).\nsubmit\nnext\n",
                                  environment: ["USER": "ada"])
        #expect(io.output.contains("Course progress: 20/20 ▓▓▓▓▓▓▓▓▓▓"))
        #expect(io.output.contains("You finished the course! Every lab is passed."))
        #expect(io.output.contains("Score 68/68, 20 attempts, 1 hint;"))
        let certificatePath = harness.home + "/certificate.txt"
        #expect(io.output.contains("Your certificate, a plain-text file to keep: \(certificatePath)"))
        #expect(io.output.hasSuffix("Every lab is passed: you finished the course. `progress` shows your scores; your certificate is \(certificatePath).\n"))
        let certificate = try String(contentsOfFile: certificatePath, encoding: .utf8)
        #expect(certificate.contains("ada passed all 20 labs of the course on "))
        #expect(certificate.contains("Started:   2020-09-13T12:26:40Z"))
        #expect(certificate.contains("producer-only"))
        #expect(certificate.contains("Evidence: attempts.log, 21 lines"))
        #expect(!certificate.contains("\u{1B}"))
    }
}
