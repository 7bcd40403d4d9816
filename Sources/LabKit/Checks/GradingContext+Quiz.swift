import Foundation
import IAMPolicy

extension GradingContext {
    /// Whether `answer` means "not answered yet": missing, blank, or the starter's `?`.
    public static func isUnanswered(_ answer: String?) -> Bool {
        guard let text = answer?.trimmingCharacters(in: .whitespaces) else { return true }
        return text.isEmpty || text == "?"
    }

    /// How `answer` fares as the answer to a multiple-choice question. A wrong choice is
    /// named but the right one is not given away.
    public func judge(_ answer: String?, to q: ChoiceSpec.Question) -> QuizVerdict {
        guard let answer, !Self.isUnanswered(answer) else {
            return QuizVerdict(outcome: .unanswered, message: "no answer given")
        }
        let key = answer.trimmingCharacters(in: .whitespaces).lowercased()
        guard let choice = q.choices.first(where: { $0.key.lowercased() == key }) else {
            let keys = q.choices.map(\.key).joined(separator: ", ")
            return QuizVerdict(outcome: .unusable, message: "`\(answer)` is not one of the choices (\(keys))")
        }
        if key == q.answer.lowercased() {
            return QuizVerdict(outcome: .right, answer: choice.key, explanation: q.explanation)
        }
        return QuizVerdict(outcome: .wrong, answer: choice.key, message: "`\(answer)` is not the best answer",
                           section: q.section)
    }

    /// How `answer` fares as a prediction of the evaluator's decision on a question's request.
    public func judge(_ answer: String?, to q: PredictSpec.Question) -> QuizVerdict {
        guard let (result, explanation) = evaluate(q.request) else {
            return QuizVerdict(outcome: .unusable, message: "\(q.request.principal) is not in the lab's world")
        }
        guard let answer, !Self.isUnanswered(answer) else {
            return QuizVerdict(outcome: .unanswered, message: "no answer given")
        }
        guard let predicted = AccessExpectation(parsing: answer) else {
            return QuizVerdict(outcome: .unusable,
                               message: "`\(answer)` is not a decision; answer allowed, explicit deny or implicit deny")
        }
        // A quiz asks for the exact decision: "denied" is not specific enough.
        let exact: AccessExpectation = switch result.decision {
        case .allowed: .allowed
        case .explicitDeny: .explicitDeny
        case .implicitDeny: .implicitDeny
        }
        if predicted == .denied {
            guard exact == .allowed else {
                return QuizVerdict(outcome: .unusable,
                                   message: "`\(answer)` is right but not specific enough: say explicit deny or implicit deny")
            }
        }
        let written = Self.decisionAnswer(predicted)
        if predicted == exact {
            return QuizVerdict(outcome: .right, answer: written, explanation: explanation.summary)
        }
        return QuizVerdict(outcome: .wrong, answer: written,
                           message: "you said \(predicted.phrase), but it is \(result.decision.phrase).",
                           explanation: explanation.summary, section: q.section)
    }

    /// How an answers file writes a decision.
    static func decisionAnswer(_ expectation: AccessExpectation) -> String {
        switch expectation {
        case .allowed: "allowed"
        case .denied: "denied"
        case .explicitDeny: "explicit deny"
        case .implicitDeny: "implicit deny"
        }
    }

    /// Where to read again after a wrong answer: the question's section, else the lab's
    /// first lesson.
    func readAgain(_ section: LessonSectionRef?) -> String? {
        if let section { return "read \(section) again" }
        return definition.lessons.first.map { "read the lesson \($0) again" }
    }

    /// A quiz check's outcome from its questions' verdicts: passed when every answer is
    /// right, and otherwise worth a share of its points for each right one.
    ///
    /// The message says how many are right, the details say what is wrong with the others
    /// (unanswered questions together), and the place is the first wrong answer's.
    func gradeQuiz(_ answered: [(id: String, verdict: QuizVerdict)], noun: String, allRight: String,
                   rightDetails: [String] = []) -> CheckOutcome {
        let total = answered.count
        let right = answered.filter { $0.verdict.isRight }.count
        if right == total {
            return CheckOutcome(passed: true, message: allRight, details: rightDetails, share: (right, total))
        }
        var details: [String] = []
        var firstPlace: (Int, Int)?
        let unanswered = answered.filter { $0.verdict.outcome == .unanswered }
        for (id, verdict) in answered {
            switch verdict.outcome {
            case .right:
                continue
            case .unanswered:
                guard unanswered.count > 1 else {
                    details.append("\(id): \(verdict.message)")
                    continue
                }
                if id == unanswered[0].id { details.append("no answer given: " + unanswered.map(\.id).joined(separator: ", ")) }
            case .wrong, .unusable:
                var text = "\(id): \(verdict.message)"
                if verdict.outcome == .wrong {
                    if let why = verdict.explanation { text += " \(why)" }
                    if let again = readAgain(verdict.section) { text += " — \(again)" }
                }
                details.append(text)
                if firstPlace == nil, let a = answers[id] { firstPlace = (a.line, a.column) }
            }
        }
        return CheckOutcome(passed: false, message: "\(right) of \(total) \(noun) are right.", details: details,
                            line: firstPlace?.0, column: firstPlace?.1, share: (right, total))
    }
}
