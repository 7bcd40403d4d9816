extension GradingContext {
    /// `choice`: every answer must be the right choice. A wrong answer is named but the
    /// right one is not given away; the explanations come once all are right.
    func gradeChoice(_ spec: ChoiceSpec) -> CheckOutcome {
        let verdicts = spec.questions.map { q in (id: q.id, verdict: judge(answers[q.id]?.value, to: q)) }
        return gradeQuiz(verdicts, noun: "answers", allRight: "All \(spec.questions.count) answers are right.",
                         rightDetails: spec.questions.map { "\($0.id): \($0.explanation)" })
    }
}
