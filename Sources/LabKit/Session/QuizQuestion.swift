/// One question of a quiz lab, as the REPL asks it: a multiple-choice question or a
/// request whose decision the learner predicts.
public struct QuizQuestion: Sendable, Equatable {
    /// What kind of answer the question takes.
    public enum Kind: Sendable, Equatable {
        /// A letter (or short key) among the question's choices.
        case choice(ChoiceSpec.Question)
        /// `allowed`, `explicit deny` or `implicit deny`.
        case prediction(PredictSpec.Question)
    }

    /// The question.
    public var kind: Kind
    /// The check it belongs to.
    public var checkID: String

    /// Creates a question of check `checkID`.
    public init(_ kind: Kind, checkID: String) {
        self.kind = kind
        self.checkID = checkID
    }

    /// The answer key's id (`q1`).
    public var id: String {
        switch kind {
        case .choice(let q): q.id
        case .prediction(let q): q.id
        }
    }

    /// The question as the learner reads it.
    public var prompt: String {
        switch kind {
        case .choice(let q): q.prompt
        case .prediction(let q): q.prompt
        }
    }

    /// The lesson section it is about, if the lab names one.
    public var section: LessonSectionRef? {
        switch kind {
        case .choice(let q): q.section
        case .prediction(let q): q.section
        }
    }

    /// The answers a prediction takes, as the walk offers them.
    public static let decisions = ["allowed", "explicit deny", "implicit deny"]

    /// Every quiz question of `definition`, in the order of its checks.
    public static func all(in definition: LabDefinition) -> [QuizQuestion] {
        definition.checks.flatMap { check -> [QuizQuestion] in
            switch check.kind {
            case .choice(let spec): spec.questions.map { QuizQuestion(.choice($0), checkID: check.id) }
            case .predict(let spec): spec.questions.map { QuizQuestion(.prediction($0), checkID: check.id) }
            default: []
            }
        }
    }
}
