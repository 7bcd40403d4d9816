import IAMPolicy
import LabKit

/// `explain` and `run`: looking inside a decision and a workload.
extension Repl {
    func explain(_ action: String, _ resource: String, _ principal: String?) {
        guard let lab = currentLab(), let draft = currentDraft(lab, for: "explained") else { return }
        let request: AccessRequestSpec
        switch lab.definition.explainRequest(action: action, resource: resource, principal: principal) {
        case .failure(let error): say(error.description); return
        case .success(let r): request = r
        }
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
        line(head + "  " + style.bold("\(request.action) on \(request.resource)") + " as \(request.principal)")
        line("  " + explanation.summary)
        var sources: [String: String] = [context.submissionPolicyName: draft]
        for p in lab.definition.world.users + lab.definition.world.roles {
            for policy in p.policies { sources[policy.name] = policy.text }
        }
        for detail in explanation.details {
            line("  - " + detail.text)
            guard let id = detail.policyId, let range = detail.range else { continue }
            let where_ = id == context.submissionPolicyName ? "your draft" : id
            line("    " + style.cyan("\(where_):\(range.start.line)"))
            if let text = sources[id] {
                SourceExcerpt(text, maxWidth: width - 12).lines(of: range, maxLines: 6, style: style, dimmed: true).forEach { line("    " + $0) }
            }
        }
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
