/// What the learner's line did in a quiz walk.
public enum QuizStep: Sendable, Equatable {
    /// An answer, judged and written into the draft: save it, show the verdict.
    case answered(QuizVerdict)
    /// Not an answer to this question (the verdict says why): ask again, nothing changed.
    case retry(QuizVerdict)
    /// An empty line or `stop`: the walk ends here and `start` goes on from this question.
    case leave
    /// A command typed instead of an answer: the walk ends and the command runs.
    case command(String)
}
