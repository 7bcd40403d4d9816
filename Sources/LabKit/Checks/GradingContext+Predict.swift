extension GradingContext {
    /// `predict`: every answer must name the decision the evaluator reaches.
    func gradePredict(_ spec: PredictSpec) -> CheckOutcome {
        let verdicts = spec.questions.map { q in (id: q.id, verdict: judge(answers[q.id]?.value, to: q)) }
        return gradeQuiz(verdicts, noun: "predictions", allRight: "All \(spec.questions.count) predictions match the evaluator.")
    }
}
