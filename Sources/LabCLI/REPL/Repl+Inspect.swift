import IAMPolicy
import LabKit

/// `explain` and `run`: looking inside a decision and a workload.
extension Repl {
    func explain(_ question: ExplainQuestion) {
        guard let lab = currentLab() else { return }
        let request: AccessRequestSpec
        switch lab.definition.explainRequest(question) {
        case .failure(let error): say(error.description); return
        case .success(let r): request = r
        }
        // A quiz's world does not depend on the answers, so a draft being written is no obstacle.
        let isQuiz = lab.definition.submission == .answers
        guard let draft = isQuiz ? "{}" : currentDraft(lab, for: "explained") else { return }
        let context: GradingContext
        switch Grader(definition: lab.definition).context(for: draft) {
        case .failure(let error): say("your draft cannot be read: \(error)"); return
        case .success(let c): context = c
        }
        guard let (result, explanation) = context.evaluate(request) else {
            say("\(request.principal) is not in the lab's world")
            return
        }
        let head: String
        switch result.decision {
        case .allowed: head = style.green("✔ allowed")
        case .explicitDeny: head = style.red("✘ explicitly denied")
        case .implicitDeny: head = style.yellow("✘ implicitly denied")
        }
        line(head + "  " + style.bold("\(request.action) on \(request.resource)") + " as \(request.principal)"
             + Self.contextSummary(question, request))
        // The evaluator names the learner's policy by its slot's name; the learner knows it as their draft.
        let ours = " of \(context.submissionPolicyName) (line"
        func named(_ text: String) -> String { isQuiz ? text : text.replacingOccurrences(of: ours, with: " of your draft (line") }
        line("  " + named(explanation.summary))
        let sources = lab.definition.world.policyTexts.merging([context.submissionPolicyName: draft]) { _, draft in draft }
        for detail in explanation.details {
            line("  - " + named(detail.text))
            guard let id = detail.policyId, let range = detail.range else { continue }
            let where_ = id == context.submissionPolicyName && !isQuiz ? "your draft" : id
            line("    " + style.cyan("\(where_):\(range.start.line)"))
            if let text = sources[id] {
                SourceExcerpt(text, maxWidth: width - 12).lines(of: range, maxLines: 6, style: style, dimmed: true).forEach { line("    " + $0) }
            }
        }
    }

    /// The context an `explain` set, in words: " over plain HTTP (no TLS), from 10.0.0.1, at
    /// 2026-03-01T12:00:00Z, with aws:SourceVpc=vpc-1" (empty when nothing was set).
    static func contextSummary(_ question: ExplainQuestion, _ request: AccessRequestSpec) -> String {
        var parts: [String] = []
        if question.over != nil || question.via != nil { parts.append(request.via.summary) }
        if let from = question.from { parts.append("from \(from)") }
        if let at = request.context["aws:CurrentTime"]?.values.first, question.at != nil { parts.append("at \(at)") }
        if !question.with.isEmpty { parts.append("with " + question.with.map { "\($0.key)=\($0.value)" }.joined(separator: " ")) }
        return parts.isEmpty ? "" : " " + parts.joined(separator: ", ")
    }

    func runWorkload() {
        guard let lab = currentLab(), let draft = currentDraft(lab, for: "run") else { return }
        let workloads = lab.definition.checks.compactMap { check -> (CheckSpec, WorkloadSpec)? in
            if case .workload(let w) = check.kind { return (check, w) }
            return nil
        }
        guard !workloads.isEmpty else {
            say("\(lab.id) has no workload to run")
            return
        }
        let context: GradingContext
        switch Grader(definition: lab.definition).context(for: draft) {
        case .failure(let error): say("your draft cannot be read: \(error)"); return
        case .success(let c): context = c
        }
        for (check, workload) in workloads {
            line(style.bold(check.title))
            let outcomes = context.runWorkload(workload)
            WorkloadRenderer(style: style).render(outcomes, steps: workload.steps).forEach { line($0) }
            let calls = workload.steps.reduce(0) { $0 + $1.repeatCount }
            if outcomes.allSatisfy(\.passed) && outcomes.count == calls {
                line(style.green("  All \(calls) calls behaved as expected."))
            } else {
                line(style.red("  Stopped at the first call that did not behave as expected."))
            }
        }
    }
}
