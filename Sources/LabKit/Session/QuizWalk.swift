import Foundation

/// A quiz lab's questions, asked one at a time: each answer is judged at once and written
/// into the draft (the answers file), which stays what is graded.
///
/// A walk asks the questions not answered yet; when every one has an answer, it asks the
/// ones not yet right. Leaving (an empty line or `stop`) and starting again goes on where
/// the learner stopped, because the draft remembers the answers. A value: ``answer(_:)``
/// says what happened, and the REPL saves ``draft`` after an answer.
public struct QuizWalk: Sendable {
    /// Every question of the lab, in order.
    public let questions: [QuizQuestion]
    /// The answers so far.
    public private(set) var draft: QuizDraft
    /// The positions in ``questions`` still to ask in this walk, the current one first.
    public private(set) var pending: [Int]
    /// The lab's world, for judging predictions.
    private let context: GradingContext

    /// A walk of `definition`'s quiz from `draft`'s answers; `nil` when the lab is not a quiz
    /// (its submission is not answers) or its world cannot be built.
    public init?(definition: LabDefinition, draft: QuizDraft) {
        guard definition.submission == .answers,
              case .success(let context) = Grader(definition: definition).context(for: "{}") else { return nil }
        self.context = context
        questions = QuizQuestion.all(in: definition)
        self.draft = draft
        pending = []
        let unanswered = questions.indices.filter { GradingContext.isUnanswered(draft[questions[$0].id]) }
        pending = unanswered.isEmpty ? questions.indices.filter { !verdict(on: $0).isRight } : unanswered
    }

    /// The question to ask now, or `nil` when the walk is over.
    public var current: QuizQuestion? {
        pending.first.map { questions[$0] }
    }

    /// The current question's number among all the questions (1-based).
    public var currentNumber: Int? {
        pending.first.map { $0 + 1 }
    }

    /// How the draft's answer to question number `index` (0-based) fares.
    public func verdict(on index: Int) -> QuizVerdict {
        judge(draft[questions[index].id], questions[index])
    }

    /// How many answers in the draft are right.
    public var rightCount: Int {
        questions.indices.filter { verdict(on: $0).isRight }.count
    }

    /// How many questions have an answer in the draft.
    public var answeredCount: Int {
        questions.filter { !GradingContext.isUnanswered(draft[$0.id]) }.count
    }

    /// Takes what the learner typed for the current question.
    ///
    /// An empty line or `stop` leaves; a line that is not an answer but starts with a command
    /// leaves to run it; anything else that is not an answer to this question asks again.
    /// An answer is written into ``draft`` (in its usual spelling) and the walk moves on.
    public mutating func answer(_ typed: String) -> QuizStep {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text.lowercased() == "stop" { return .leave }
        guard let index = pending.first else { return .leave }
        let question = questions[index]
        let verdict = judge(Self.normalized(text, for: question), question)
        guard let answer = verdict.answer, verdict.outcome != .unusable, verdict.outcome != .unanswered else {
            // A command by its name, or `exit` (not `?` or `q`: too easily typed as answers).
            if let word = text.split(separator: " ").first.map({ $0.lowercased() }),
               word == "exit" || ReplCommandSpec.all.contains(where: { $0.name == word }) {
                return .command(text)
            }
            return .retry(verdict.outcome == .unanswered
                          ? QuizVerdict(outcome: .unusable, message: "`\(text)` is not an answer: \(Self.expected(for: question))")
                          : verdict)
        }
        draft.set(answer, for: question.id)
        pending.removeFirst()
        return .answered(verdict)
    }

    /// What a question takes, for the learner: "answer a, b, c or d".
    public static func expected(for question: QuizQuestion) -> String {
        switch question.kind {
        case .choice(let q):
            let keys = q.choices.map(\.key)
            return "answer " + (keys.count > 1 ? keys.dropLast().joined(separator: ", ") + " or " + keys[keys.count - 1] : keys.joined())
        case .prediction:
            return "answer allowed, explicit deny or implicit deny"
        }
    }

    private func judge(_ answer: String?, _ question: QuizQuestion) -> QuizVerdict {
        switch question.kind {
        case .choice(let q): context.judge(answer, to: q)
        case .prediction(let q): context.judge(answer, to: q)
        }
    }

    /// What the learner typed, read leniently: `B)` or `(b)` is the choice `b`; `explicit` and
    /// `implicit` are the denials.
    static func normalized(_ text: String, for question: QuizQuestion) -> String {
        var t = text.lowercased()
        switch question.kind {
        case .choice:
            if t.hasPrefix("(") { t.removeFirst() }
            while let last = t.last, last == ")" || last == "." { t.removeLast() }
            return t.trimmingCharacters(in: .whitespaces)
        case .prediction:
            switch t {
            case "explicit", "explicitly": return "explicit deny"
            case "implicit", "implicitly": return "implicit deny"
            default: return t
            }
        }
    }
}
