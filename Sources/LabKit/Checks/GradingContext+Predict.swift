import IAMPolicy

extension GradingContext {
    /// `predict`: every answer must name the decision the evaluator reaches.
    func gradePredict(_ spec: PredictSpec) -> CheckOutcome {
        var wrong: [String] = []
        var firstPlace: (Int, Int)?
        for q in spec.questions {
            guard let (result, explanation) = evaluate(q.request) else {
                wrong.append("\(q.id): \(q.request.principal) is not in the lab's world")
                continue
            }
            guard let answer = answers[q.id] else {
                wrong.append("\(q.id): no answer given (\(q.prompt))")
                continue
            }
            guard let predicted = AccessExpectation(parsing: answer.value) else {
                wrong.append("\(q.id): `\(answer.value)` is not a decision; answer allowed, explicit deny or implicit deny")
                if firstPlace == nil { firstPlace = (answer.line, answer.column) }
                continue
            }
            // A quiz asks for the exact decision: "denied" is not specific enough.
            let exact: AccessExpectation = switch result.decision {
            case .allowed: .allowed
            case .explicitDeny: .explicitDeny
            case .implicitDeny: .implicitDeny
            }
            if predicted == .denied, exact != .allowed {
                wrong.append("\(q.id): `\(answer.value)` is right but not specific enough: say explicit deny or implicit deny")
                if firstPlace == nil { firstPlace = (answer.line, answer.column) }
            } else if predicted != exact {
                wrong.append("\(q.id): you said \(predicted.phrase), but it is \(result.decision.phrase). \(explanation.summary)")
                if firstPlace == nil { firstPlace = (answer.line, answer.column) }
            }
        }
        let total = spec.questions.count
        if wrong.isEmpty {
            return CheckOutcome(passed: true, message: "All \(total) predictions match the evaluator.")
        }
        return CheckOutcome(passed: false, message: "\(total - wrong.count) of \(total) predictions are right; \(wrong[0])",
                            details: wrong, line: firstPlace?.0, column: firstPlace?.1)
    }
}
