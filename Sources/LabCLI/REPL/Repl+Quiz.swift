import LabKit

/// A quiz lab's questions, one at a time: `start` walks them, each answer is judged at once
/// and saved into the draft (the answers file), which `check` and `submit` grade.
extension Repl {
    /// Walks the questions of the quiz lab `lab` not answered yet (or, once all are, those
    /// not right), until the last one, an empty line, `stop`, or a command.
    func walkQuiz(_ lab: Lab) {
        guard let text = currentDraft(lab, for: "used for the quiz") else { return }
        let draft: QuizDraft
        do {
            draft = try QuizDraft(parsing: text)
        } catch {
            say("your draft is not answers the quiz can add to (\(error)): fix it with `edit`, or `reset \(lab.id) --yes` to start again")
            return
        }
        guard var walk = QuizWalk(definition: lab.definition, draft: draft) else {
            say("the quiz of \(lab.id) cannot be asked: its world does not build (`kdslab lab validate \(lab.id)` says why)")
            return
        }
        let total = walk.questions.count
        guard walk.current != nil else {
            line("Every answer in your draft is right: `submit` records it.")
            return
        }
        let answered = walk.answeredCount
        if answered == 0 {
            line("\(total) questions, one at a time: type your answer after `answer>`. "
                 + "An empty line or `stop` leaves the quiz, and `start` comes back to it.")
        } else if answered == total {
            line("Every question has an answer, and \(walk.rightCount) of \(total) are right: here are the others again. "
                 + "An empty line or `stop` leaves.")
        } else {
            line("\(answered) of \(total) questions answered: going on from there. An empty line or `stop` leaves.")
        }
        while let question = walk.current, let number = walk.currentNumber {
            line("")
            showQuestion(question, number: number, of: total)
            asking: while true {
                switch readAnswer() {
                case .cancelled, .endOfInput:
                    stoppedQuiz(walk, at: question)
                    return
                case .line(let typed):
                    switch walk.answer(typed) {
                    case .retry(let verdict):
                        say(verdict.message)
                    case .leave:
                        stoppedQuiz(walk, at: question)
                        return
                    case .command(let command):
                        stoppedQuiz(walk, at: question)
                        pendingLine = command
                        return
                    case .answered(let verdict):
                        guard saveDraft(walk.draft.text, for: lab.id) else {
                            say("your answer to \(question.id) was not saved, so the quiz stops here")
                            return
                        }
                        showVerdict(verdict, for: question, in: lab)
                        break asking
                    }
                }
            }
        }
        let report = Grader(definition: lab.definition).grade(walk.draft.text, name: lab.id)
        line("")
        if report.passed {
            line(style.green("Every answer is right") + ": your answers score \(report.score)/\(report.maxScore). `submit` records it.")
        } else {
            line("That was the last one: your answers score \(report.score)/\(report.maxScore). "
                 + "`start` asks the ones not right again; `submit` records this score.")
        }
    }

    /// One answer line: with the prompt shown on a terminal, and on a pipe written with the
    /// answer after it, so a transcript reads as a conversation.
    func readAnswer() -> LineResult {
        let prompt = "answer> "
        if !input.showsPrompts { io.writeOutput(prompt) }
        let result = input.readPasteLine(prompt: prompt)
        if !input.showsPrompts {
            if case .line(let typed) = result { io.line(typed) } else { io.line("") }
        }
        return result
    }

    /// "Question 3 of 8", the question, and its choices.
    func showQuestion(_ question: QuizQuestion, number: Int, of total: Int) {
        line(style.bold("Question \(number) of \(total)") + style.dim(" (\(question.id))"))
        line(question.prompt)
        let wrapper = TextWrapper(width: width)
        switch question.kind {
        case .choice(let q):
            for choice in q.choices {
                let head = "  \(choice.key)) "
                for part in wrapper.wrapLine(head + choice.text, hang: head.count) { io.line(part) }
            }
        case .prediction:
            line("  " + QuizQuestion.decisions.joined(separator: " · "))
        }
    }

    /// The verdict on an answer: right or not, why, where to read again, and for a
    /// prediction the `explain` line that shows the evaluator's reasoning.
    func showVerdict(_ verdict: QuizVerdict, for question: QuizQuestion, in lab: Lab) {
        var text: String
        switch (verdict.outcome, question.kind) {
        case (.right, _):
            text = style.green("✔ Right.")
        case (_, .choice):
            text = style.red("✘ ") + "`\(verdict.answer ?? "")` is not the best answer."
        case (_, .prediction):
            text = style.red("✘ ") + verdict.message.prefix(1).uppercased() + verdict.message.dropFirst()
        }
        if let explanation = verdict.explanation { text += " " + explanation }
        if !verdict.isRight { text += " " + readAgain(verdict.section, lab: lab) }
        line(text)
        if case .prediction(let q) = question.kind {
            line(style.dim("See why: `\(ExplainQuestion(asking: q.request, in: lab.definition.world).commandLine)`"))
        }
    }

    /// "Read “Default deny” in lesson 1, Least privilege (`read 1`)."
    func readAgain(_ section: LessonSectionRef?, lab: Lab) -> String {
        guard let id = section?.lesson ?? lab.definition.lessons.first else { return "" }
        let lesson = course.lessons.lesson(id: id)
        let name = course.lessons.position(of: id).map { n in "lesson \(n)" + (lesson.map { ", \($0.title)" } ?? "") + " (`read \(n)`)" }
            ?? "the lesson \(id)"
        return section.map { "Read “\($0.title)” in \(name)." } ?? "Read \(name) again."
    }

    /// Every question of the quiz lab `lab` with the answer `answers` give it (for `show`).
    func showQuiz(_ lab: Lab, answers: QuizDraft) {
        let questions = QuizQuestion.all(in: lab.definition)
        for (n, question) in questions.enumerated() {
            showQuestion(question, number: n + 1, of: questions.count)
            let answer = answers[question.id]
            line(GradingContext.isUnanswered(answer) ? style.dim("Your answer: none yet") : "Your answer: " + style.bold(answer ?? ""))
            line("")
        }
    }

    /// Says where the walk stopped and how to go on.
    func stoppedQuiz(_ walk: QuizWalk, at question: QuizQuestion) {
        line("Stopped at \(question.id): \(walk.answeredCount) of \(walk.questions.count) answered and saved. "
             + "`start` goes on from here; `check` grades the answers so far.")
    }
}
