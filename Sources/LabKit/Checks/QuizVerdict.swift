/// How one quiz answer fares: the walk in the REPL shows it straight away, and grading
/// counts it.
public struct QuizVerdict: Sendable, Equatable {
    /// What the answer is.
    public enum Outcome: Sendable, Equatable {
        /// The best choice, or the decision the evaluator reaches.
        case right
        /// A choice or decision, but not the right one.
        case wrong
        /// No answer yet (missing, empty or the starter's `?`).
        case unanswered
        /// Not an answer to this question: not one of its choices, not a decision, or a
        /// decision not specific enough ("denied" for an explicit deny).
        case unusable
    }

    /// What the answer is.
    public var outcome: Outcome
    /// The answer as the draft should hold it: the choice's key, or `allowed`,
    /// `explicit deny`, `implicit deny`; `nil` when the answer is unusable or missing.
    public var answer: String?
    /// One line saying what is wrong ("you said allowed, but it is explicitly denied");
    /// empty when the answer is right.
    public var message: String
    /// Why the right answer is right: the question's explanation, or the evaluator's
    /// summary for a prediction. `nil` where it would give a choice's answer away.
    public var explanation: String?
    /// The lesson section to read again, when the answer is not right and the lab names one.
    public var section: LessonSectionRef?

    /// Creates a verdict.
    public init(outcome: Outcome, answer: String? = nil, message: String = "", explanation: String? = nil,
                section: LessonSectionRef? = nil) {
        self.outcome = outcome
        self.answer = answer
        self.message = message
        self.explanation = explanation
        self.section = section
    }

    /// Whether the answer is right.
    public var isRight: Bool { outcome == .right }
}
