import LabKit
import Testing

/// A quiz lab's questions asked one at a time, each answer judged at once and written into
/// the draft that grading reads.
@Suite("Quiz walk")
struct QuizWalkTests {
    static func walk(_ id: String, draft: String? = nil) throws -> QuizWalk {
        let lab = try CourseLabs.lab(id)
        return try #require(QuizWalk(definition: lab.definition, draft: QuizDraft(parsing: draft ?? lab.starter)))
    }

    @Test("from the starter every question is asked, in order; answers go into the draft in their usual spelling")
    func walksFromTheStart() throws {
        var walk = try Self.walk("predict-the-decision")
        #expect(walk.questions.map(\.id) == ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"])
        #expect(walk.current?.id == "q1" && walk.currentNumber == 1)
        guard case .answered(let right) = walk.answer("Allowed") else { Issue.record("q1 not answered"); return }
        #expect(right.isRight)
        #expect(right.explanation?.hasPrefix("Allowed: statement \"ReadTransactions\" of read-transactions (line 4) allows") == true)
        guard case .answered(let wrong) = walk.answer("implicit") else { Issue.record("q2 not answered"); return }
        #expect(wrong.outcome == .wrong)
        #expect(wrong.message == "you said implicitly denied, but it is allowed.")
        #expect(wrong.section == LessonSectionRef(lesson: "action-wildcards", title: "What the common patterns really match"))
        #expect(walk.draft["q1"] == "allowed" && walk.draft["q2"] == "implicit deny" && walk.draft["q3"] == "?")
        #expect(walk.current?.id == "q3")
        #expect(walk.answeredCount == 2 && walk.rightCount == 1)
    }

    @Test("what is not an answer is asked again and changes nothing", arguments: [
        ("denied", "`denied` is right but not specific enough: say explicit deny or implicit deny"),
        ("maybe", "`maybe` is not a decision; answer allowed, explicit deny or implicit deny"),
        ("?", "`?` is not an answer: answer allowed, explicit deny or implicit deny"),
    ])
    func retries(_ typed: String, _ message: String) throws {
        var walk = try Self.walk("predict-the-decision", draft: "{\"q1\": \"allowed\", \"q2\": \"allowed\"}")
        #expect(walk.current?.id == "q3")
        let before = walk.draft
        #expect(walk.answer(typed) == .retry(QuizVerdict(outcome: .unusable, message: message)))
        #expect(walk.draft == before && walk.current?.id == "q3")
    }

    @Test("an empty line or stop leaves; a command leaves to run", arguments: [
        ("", QuizStep.leave), ("  stop ", .leave), ("STOP", .leave), ("hint", .command("hint")), ("exit", .command("exit")),
        ("explain GetRecords transactions", .command("explain GetRecords transactions")),
    ])
    func leaving(_ typed: String, _ step: QuizStep) throws {
        var walk = try Self.walk("why-least-privilege")
        #expect(walk.answer(typed) == step)
        #expect(walk.current?.id == "q1")
    }

    @Test("a choice is a letter, read leniently; a wrong one is named without giving the right one away")
    func choices() throws {
        var walk = try Self.walk("why-least-privilege")
        guard case .answered(let right) = walk.answer("B)") else { Issue.record("q1 not answered"); return }
        #expect(right.isRight && right.answer == "b")
        #expect(right.explanation?.hasPrefix("Access is easy to grant and hard to take back.") == true)
        guard case .answered(let wrong) = walk.answer("(a)") else { Issue.record("q2 not answered"); return }
        #expect(wrong.outcome == .wrong && wrong.explanation == nil)
        #expect(wrong.section == LessonSectionRef(lesson: "least-privilege", title: "Why bother?"))
        #expect(walk.answer("e") == .retry(QuizVerdict(outcome: .unusable, message: "`e` is not one of the choices (a, b, c, d)")))
    }

    @Test("starting again goes on from the first unanswered question; once all are answered, the wrong ones again")
    func resumes() throws {
        let partial = try Self.walk("why-least-privilege", draft: "{\"q1\": \"b\", \"q2\": \"a\", \"q3\": \"?\"}")
        #expect(partial.current?.id == "q3")
        #expect(partial.pending.count == 4)
        let full = try Self.walk("why-least-privilege",
                                 draft: "{\"q1\": \"b\", \"q2\": \"a\", \"q3\": \"a\", \"q4\": \"a\", \"q5\": \"b\", \"q6\": \"d\"}")
        #expect(full.pending.map { full.questions[$0].id } == ["q2", "q4"])
        let solved = try Self.walk("why-least-privilege", draft: try CourseLabs.lab("why-least-privilege").solution)
        #expect(solved.current == nil)
    }

    @Test("a quiz spread over several checks is one walk")
    func severalChecks() throws {
        let walk = try Self.walk("client-side-encryption")
        #expect(walk.questions.map(\.checkID) == ["what-it-is", "built-in", "what-stays-visible", "why-harder", "when-to-choose", "lost-key"])
    }

    @Test("a lab that is not a quiz has no walk")
    func notAQuiz() throws {
        let lab = try CourseLabs.lab("producer-only")
        #expect(QuizWalk(definition: lab.definition, draft: QuizDraft()) == nil)
    }
}

@Suite("Quiz draft")
struct QuizDraftTests {
    @Test("answers are set in place or added at the end; the text is pretty JSON")
    func setting() throws {
        var draft = try QuizDraft(parsing: "{\"q2\": \"?\", \"q1\": \"b\"}")
        draft.set("explicit deny", for: "q2")
        draft.set("c", for: "q3")
        #expect(draft.text == "{\n  \"q2\": \"explicit deny\",\n  \"q1\": \"b\",\n  \"q3\": \"c\"\n}\n")
        #expect(try QuizDraft(parsing: draft.text).entries.map(\.answer) == ["explicit deny", "b", "c"])
    }

    @Test("what is not an answers file is refused with its place", arguments: [
        ("[1]", "answers must be a JSON object from question id to answer", 1, 1),
        ("{\n  \"q1\": 2\n}", "the answer to `q1` must be a string: a choice such as \"b\", or a decision such as \"allowed\"", 2, 9),
        ("{\"q1\": }", "", 1, 8),
    ])
    func refused(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        do {
            _ = try QuizDraft(parsing: text)
            Issue.record("\(text) was read")
        } catch {
            if !message.isEmpty { #expect(error.message == message) }
            #expect(error.line == line && error.column == column)
        }
    }
}
