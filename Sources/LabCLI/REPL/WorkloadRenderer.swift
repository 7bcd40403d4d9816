import IAMPolicy
import LabKit

/// `run`: each call of a lab's workload with who made it, what it expected and what happened.
/// Repeated calls that all went as expected are folded into one line.
struct WorkloadRenderer {
    /// Colour or not.
    var style: TerminalStyle

    /// The lines for one workload's calls; `steps` gives each step's title.
    func render(_ outcomes: [WorkloadCallOutcome], steps: [WorkloadStep]) -> [String] {
        var out: [String] = []
        var index = 0
        while index < outcomes.count {
            let call = outcomes[index]
            // Fold a run of passing repetitions of one step.
            var last = index
            while last + 1 < outcomes.count, outcomes[last + 1].step == call.step, outcomes[last + 1].passed, call.passed {
                last += 1
            }
            let step = steps.indices.contains(call.step - 1) ? steps[call.step - 1] : nil
            let count = last - index + 1
            let times = count > 1 ? " ×\(count)" : (step.map { $0.repeatCount > 1 } ?? false ? " (call \(call.repetition))" : "")
            let mark = call.passed ? style.green("✔") : style.red("✘")
            let title = step?.title.map { " — \($0)" } ?? ""
            out.append("  \(mark) \(call.step). \(call.principal) \(style.bold(call.call))\(times)\(style.dim(title))")
            let got = outcomes[last]
            var line = "      expected \(got.expected), got " + (got.passed ? style.green("\(got.outcome)") : style.red("\(got.outcome)"))
            if !got.note.isEmpty { line += ": \(got.note)" }
            out.append(line)
            if let explanation = got.explanation, !got.passed || got.outcome != .success {
                out.append("      " + style.dim(explanation.summary))
                for detail in explanation.details.prefix(3) { out.append("      - " + style.dim(detail.text)) }
            }
            index = last + 1
        }
        return out
    }
}
