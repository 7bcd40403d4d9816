import Foundation
import Testing
@testable import LabCLI

/// Quiz labs in the REPL: `start` asks the questions one at a time, each answer is judged at
/// once and saved in the draft, and the score `check` gives is one number with one meaning.
@Suite("REPL quizzes")
struct ReplQuizTests {
    /// `KDSLAB_RECORD=1 swift test --filter ReplQuizTests` records the transcripts afresh.
    static func compare(_ name: String, script: String, columns: Int = 80) throws {
        try ReplTranscript.compare(name, script: script, columns: columns, home: "quiz")
    }

    @Test("a prediction quiz: right, wrong, not specific enough, stop, check, resume, finish, submit")
    func predictionTranscript() throws {
        try Self.compare("quiz-predictions", script: """
            start predict-the-decision
            allowed
            implicit
            denied
            explicit deny
            stop
            check
            start predict-the-decision
            implicit deny
            allowed
            implicit deny
            explicit deny
            implicit deny
            submit

            """)
    }

    @Test("a multiple-choice quiz at 60 columns: a letter read leniently, a wrong one named, a command leaves, show")
    func choiceTranscript() throws {
        try Self.compare("quiz-choices", script: """
            start 1
            B)
            a
            e
            hint
            show

            """, columns: 60)
    }

    @Test("answers land in the draft as the JSON answers file; starting again goes on where the walk stopped")
    func resumes() throws {
        let harness = try ReplHarness()
        _ = harness.run("start why-least-privilege\nb\nc\n\n")
        let draft = try #require(harness.draft("why-least-privilege"))
        #expect(draft.hasPrefix("{\n  \"q1\": \"b\",\n  \"q2\": \"c\",\n  \"q3\": \"?\","))
        let (io, _) = harness.run("start why-least-privilege\na\nstop\n")
        #expect(io.output.contains("2 of 6 questions answered: going on from there."))
        #expect(!io.output.contains("Question 1 of 6") && !io.output.contains("Question 2 of 6"))
        #expect(io.output.contains("Question 3 of 6 (q3)"))
        #expect(io.output.contains("Stopped at q4: 3 of 6 answered and saved."))
        #expect(harness.draft("why-least-privilege")?.contains("\"q3\": \"a\"") == true)
    }

    @Test("one score: the grade line, the check's points and its message count the same right answers")
    func oneScore() throws {
        let harness = try ReplHarness()
        try FileManager.default.createDirectory(atPath: harness.home + "/workspace", withIntermediateDirectories: true)
        let answers = #"{"q1": "allowed", "q2": "allowed", "q3": "explicit deny", "q4": "allowed", "q5": "allowed", "q6": "allowed", "q7": "explicit deny", "q8": "allowed"}"#
        try Data(answers.utf8).write(to: URL(fileURLWithPath: harness.home + "/workspace/predict-the-decision.json"))
        let (io, _) = harness.run("start predict-the-decision\n\ncheck\n")
        #expect(io.output.contains("predict-the-decision: 5/8 — not passed yet"))
        #expect(io.output.contains("✘ every prediction matches the evaluator (5/8)"))
        #expect(io.output.contains("5 of 8 predictions are right."))
        #expect(!io.output.contains("0/8"))
        // Every answer was given, so the walk asks the three wrong ones again.
        #expect(io.output.contains("Every question has an answer, and 5 of 8 are right: here are the others again."))
        #expect(io.output.contains("Question 4 of 8 (q4)"))
        // A wrong answer names the lesson section to read again.
        #expect(io.output.contains("q4: you said allowed, but it is implicitly denied."))
        #expect(io.output.contains("read “Default deny” in the lesson least-privilege again"))
    }

    @Test("a draft that is not an answers file is said, and nothing is asked or overwritten")
    func brokenDraft() throws {
        let harness = try ReplHarness()
        try FileManager.default.createDirectory(atPath: harness.home + "/workspace", withIntermediateDirectories: true)
        let broken = "{\"q1\": \"b\",\n  \"q2\": }\n"
        try Data(broken.utf8).write(to: URL(fileURLWithPath: harness.home + "/workspace/why-least-privilege.json"))
        let (io, status) = harness.run("start why-least-privilege\nb\n")
        #expect(status == 0)
        #expect(io.output.contains("✘ your draft is not answers the quiz can add to (line 2, column 9: "))
        #expect(io.output.contains("fix it with `edit`, or `reset why-least-privilege --yes` to start again"))
        #expect(!io.output.contains("Question 1"))
        #expect(io.output.contains("✘ unknown command `b`"))
        #expect(harness.draft("why-least-privilege") == broken)
    }

    @Test("an answer that cannot be saved is said, the walk stops, and leaving exits 1")
    func failedSave() throws {
        let harness = try ReplHarness()
        #expect(harness.run("start why-least-privilege\nstop\n").status == 0)
        // Every write takes the lock: a folder where the lock file should be makes each fail.
        try FileManager.default.removeItem(atPath: harness.home + "/.lock")
        try FileManager.default.createDirectory(atPath: harness.home + "/.lock", withIntermediateDirectories: false)
        let (io, status) = harness.run("start why-least-privilege\nb\nc\ncheck\n")
        #expect(status == 1)
        #expect(io.output.contains("✘ cannot save your draft: cannot open the lock file \(harness.home)/.lock: Is a directory"))
        #expect(io.output.contains("✘ your answer to q1 was not saved, so the quiz stops here"))
        #expect(!io.output.contains("Question 2 of 6"))
        #expect(io.output.contains("✘ not checked: the last change to your draft of why-least-privilege was not saved, "
                                   + "and the draft on disk is older: fix the problem above and answer again (`start`)"))
        #expect(io.output.contains("✘ not saved this session: the draft of why-least-privilege"))
        #expect(harness.draft("why-least-privilege") == ReplHarness.courseFile("labs/why-least-privilege/starter.json"))
    }
}
