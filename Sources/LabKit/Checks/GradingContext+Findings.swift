import IAMPolicy

extension GradingContext {
    /// `findings`: the validator must find nothing at or above a severity, and none of the
    /// named issue codes.
    func gradeFindings(_ spec: FindingsSpec) -> CheckOutcome {
        guard let type = policyType else {
            return CheckOutcome(passed: true, message: "answers have no policy to validate")
        }
        let findings = PolicyValidator().validate(text, type: type)
        let offending = findings.filter { f in
            (spec.failAt.map { f.findingType >= $0 } ?? false) || spec.absent.contains(f.issueCode.rawValue)
        }
        guard let first = offending.first else {
            let limit = spec.failAt.map { "no \($0.rawValue) or worse" } ?? "none of \(spec.absent.joined(separator: ", "))"
            return CheckOutcome(passed: true, message: "The validator finds \(limit).")
        }
        let details = offending.map { f in
            "line \(f.span.start.line), column \(f.span.start.column): \(f.findingType.rawValue) \(f.issueCode.rawValue): \(f.findingDetails)"
        }
        let more = offending.count > 1 ? " (and \(offending.count - 1) more)" : ""
        return CheckOutcome(passed: false,
                            message: "\(first.findingType.rawValue) \(first.issueCode.rawValue) at line \(first.span.start.line): \(first.findingDetails)\(more)",
                            details: details, line: first.span.start.line, column: first.span.start.column)
    }

    /// The grammar the submission is written in.
    var policyType: PolicyType? { definition.submission.policyType }
}
