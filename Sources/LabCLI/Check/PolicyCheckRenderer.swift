import IAMPolicy

/// Renders a check's result for a terminal: the verdict and message, the request that
/// shows a failure (its context in `--context` syntax, ready for `policy simulate`), and
/// each statement that grants it as `FILE:LINE:COLUMN` with its lines underlined.
struct PolicyCheckRenderer {
    /// Colour or not.
    var style: TerminalStyle
    /// Which check ran.
    var check: CustomPolicyCheck
    /// The policies by input member (`newPolicyDocument`), with the names to show.
    var documents: [String: CheckCommand.Document]

    /// Lines of a statement shown under a reason.
    static let statementLines = 6

    /// Everything to print.
    func render(_ result: PolicyCheckResult) -> String {
        var blocks: [[String]] = []
        let head = result.passed ? style.green("✔ PASS") : style.red("✘ FAIL")
        blocks.append([head + "  " + style.bold(result.message)])
        if let c = result.counterexample {
            var lines = ["  " + introduction(c)]
            let principal = c.anonymous ? "* (an anonymous caller)" : c.principal
            lines.append("    principal  " + principal)
            lines.append("    action     " + c.action)
            lines.append("    resource   " + c.resource)
            for (i, e) in c.context.enumerated() {
                lines.append((i == 0 ? "    context    " : "               ") + "\(e.name)=\(e.type.rawValue):\(e.values.joined(separator: ","))")
            }
            blocks.append(lines)
        }
        for reason in result.reasons {
            let document = documents[reason.policy]
            let start = reason.range.start
            var lines = ["  " + style.cyan("\(document?.name ?? reason.policy):\(start.line):\(start.column):") + " " + reason.description]
            if let text = document?.text {
                lines += SourceExcerpt(text).underlined(reason.range, maxLines: Self.statementLines, style: style) { style.red($0) }
                    .map { "  " + $0 }
            }
            blocks.append(lines)
        }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// The sentence before the counterexample.
    private func introduction(_ c: PolicyCheckCounterexample) -> String {
        switch check {
        case .noNewAccess:
            let new = documents["newPolicyDocument"]?.name ?? "the new policy"
            let existing = documents["existingPolicyDocument"]?.name ?? "the existing policy"
            return "For example, \(new) allows this request and \(existing) does not:"
        case .accessNotGranted:
            return "For example, the policy allows this request:"
        case .noPublicAccess:
            return c.anonymous ? "For example, the policy allows this request from an anonymous caller:"
                : "For example, the policy allows this request from a principal of an account it does not name:"
        }
    }
}
