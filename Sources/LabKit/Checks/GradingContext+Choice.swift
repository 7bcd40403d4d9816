import Foundation

extension GradingContext {
    /// `choice`: every answer must be the right choice. A wrong answer is named but the
    /// right one is not given away; the explanations come once all are right.
    func gradeChoice(_ spec: ChoiceSpec) -> CheckOutcome {
        var wrong: [String] = []
        var firstPlace: (Int, Int)?
        for q in spec.questions {
            guard let answer = answers[q.id] else {
                wrong.append("\(q.id): no answer given (\(q.prompt))")
                continue
            }
            let key = answer.value.trimmingCharacters(in: .whitespaces).lowercased()
            guard q.choices.contains(where: { $0.key.lowercased() == key }) else {
                let keys = q.choices.map(\.key).joined(separator: ", ")
                wrong.append("\(q.id): `\(answer.value)` is not one of the choices (\(keys))")
                if firstPlace == nil { firstPlace = (answer.line, answer.column) }
                continue
            }
            if key != q.answer.lowercased() {
                wrong.append("\(q.id): `\(answer.value)` is not the best answer to \"\(q.prompt)\" — read the lesson's section again")
                if firstPlace == nil { firstPlace = (answer.line, answer.column) }
            }
        }
        let total = spec.questions.count
        if wrong.isEmpty {
            return CheckOutcome(passed: true, message: "All \(total) answers are right.",
                                details: spec.questions.map { "\($0.id): \($0.explanation)" })
        }
        return CheckOutcome(passed: false, message: "\(total - wrong.count) of \(total) answers are right; \(wrong[0])",
                            details: wrong, line: firstPlace?.0, column: firstPlace?.1)
    }
}
