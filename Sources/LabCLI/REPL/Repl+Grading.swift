import Digests
import AWSWire
import IAMPolicy
import LabKit

/// `check`, `submit`, `hint`, `solution` and `diff`.
extension Repl {
    /// Grades the current draft; `record` makes it an attempt in the progress log.
    func grade(record: Bool) {
        guard let lab = currentLab(), let draft = currentDraft(lab, for: record ? "submitted" : "checked") else { return }
        let report = Grader(definition: lab.definition).grade(draft, name: lab.id)
        _ = session.noteGrade(report)
        GradeReportRenderer(style: style, width: width).render(report, text: draft, recorded: record)
            .forEach { line($0) }
        if lab.definition.submission == .answers, !report.passed,
           let walk = (try? QuizDraft(parsing: draft)).flatMap({ QuizWalk(definition: lab.definition, draft: $0) }),
           walk.answeredCount < walk.questions.count {
            line("`start` asks the questions not answered yet, one at a time.")
        }
        guard record else {
            if report.passed { line("All checks pass: `submit` records it.") }
            return
        }
        let hints = (try? store.load()[lab.id].hintsUsed) ?? 0
        let attempt = Attempt(lab: lab.id, at: store.clock(), score: report.score, maxScore: report.maxScore,
                              passed: report.passed, submissionSHA256: SHA256.hexDigest(draft), hintsUsed: hints)
        guard let change = saving("record your attempt", lost: "your attempt at \(lab.id) (\(report.score)/\(report.maxScore))",
                                  { try store.appendAttempt(attempt) })
        else { return }
        if report.passed { session.notePassRecorded(lab.id) }
        if change.isFirstPass {
            if lab.definition.submission == .answers {
                line(style.green("Passed! ") + "Recorded. `solution` shows the answer key.")
            } else {
                line(style.green("Passed! ") + "Recorded. `diff` compares your grants with the reference; `solution` shows it.")
            }
        } else if report.passed {
            line("Recorded (already passed).")
        } else {
            line("Recorded attempt \(change.after.attempts); best \(change.after.bestScore ?? 0)/\(report.maxScore). `hint` helps with the first failing check.")
        }
        line(courseProgressLine())
        if change.isFirstPass && route.isComplete(passed: recordedPassed()) {
            finishCourse()
        } else if report.passed, let next = nextStepText() {
            line(next)
        }
    }

    func hint() {
        guard let lab = currentLab(), let draft = currentDraft(lab, for: "given a hint") else { return }
        let report = Grader(definition: lab.definition).grade(draft, name: lab.id)
        switch session.nextHint(in: lab.definition, report: report) {
        case .allChecksPass:
            line("Every check passes: no hint needed. `submit` records it.")
        case .noHints(let check):
            line("No hints for “\(check.title)”. What it says: \(check.message)")
        case .hint(let check, let text, let rung, let total, let isNew):
            line(style.bold("Hint \(rung)/\(total)") + " for “\(check.title)”:")
            line("  " + text)
            if isNew {
                saving("record the hint", lost: "a hint taken in \(lab.id)") { try store.record(.hint(lab: lab.id, at: store.clock())) }
            }
            if rung == total {
                line(style.dim(isNew ? "That is the last hint. Stuck? `solution --give-up` shows the answer (and records that)."
                                        : "No more hints. `solution --give-up` shows the answer (and records that)."))
            }
        }
    }

    func solution(giveUp: Bool) {
        guard let lab = currentLab() else { return }
        switch session.solutionAccess(for: lab.id, givingUp: giveUp) {
        case .refused:
            say("the solution opens after you pass; `hint` helps, or `solution --give-up` shows it now and records that you gave up")
            return
        case .showAndRecordGiveUp:
            // On a terminal, giving up is asked about first; a script means it.
            if io.inputIsTerminal {
                guard confirm("Give up on \(lab.id) and see its solution? This is recorded in your progress.") else {
                    line("Not given up. `hint` helps with the first failing check.")
                    return
                }
            }
            guard saving("record that you gave up", lost: "that you gave up on \(lab.id)", { try store.record(.gaveUp(lab: lab.id, at: store.clock())) }) != nil
            else { return }
            session.giveUp(lab.id)
            line(style.yellow("Recorded: you gave up on \(lab.id).") + " You can still pass it by submitting.")
        case .show:
            break
        }
        line(style.bold("The reference solution for \(lab.id):"))
        io.writeOutput(lab.solution.hasSuffix("\n") ? lab.solution : lab.solution + "\n")
    }

    func diff() {
        guard let lab = currentLab() else { return }
        guard session.mayCompare(lab.id) else {
            say("`diff` compares with the reference solution, so it opens after you pass (or `solution --give-up`)")
            return
        }
        guard let draft = currentDraft(lab, for: "compared") else { return }
        switch GrantDiff.compare(draft: draft, in: lab) {
        case .failure(let error):
            say(error.description)
        case .success(let d):
            render(d)
        }
    }

    /// A diff grouped by principal: what the draft alone allows, then what the reference
    /// alone allows, each entry with its actions, resource and the context it differs in.
    private func render(_ d: GrantDiff) {
        if d.isEmpty {
            // An identity policy changes only its own principal's access, which was compared.
            line(style.green("✔ ") + "Your draft grants exactly what the reference solution grants, to every principal, in every request context.")
            return
        }
        switch d.scope {
        case .principals(let arns):
            line("Compared for \(arns.joined(separator: ", ")), over every action, resource and request context.")
        case .everyone:
            line("Compared for every principal (the lab's own, any other of any account, AWS services, anonymous callers), over every action, resource and request context.")
        }
        func list(_ title: String, _ side: GrantDiff.Side, mark: String) {
            guard !side.isEmpty else { return }
            line()
            line(style.bold(title))
            for group in side.groups {
                line("  " + group.principal + ":")
                for e in group.entries {
                    var text = "    \(mark) \(e.actionsPhrase()) on \(e.resourcePhrase)"
                    if !e.context.isEmpty { text += " when " + e.context.joined(separator: ", ") }
                    if let by = e.grantedBy { text += " (\(by))" }
                    if let by = e.deniedBy { text += " (your draft denies it: \(by))" }
                    line(text)
                }
                if group.more > 0 { line(style.dim("    … and \(group.more) more for this principal")) }
            }
            if side.morePrincipals > 0 {
                let who = side.morePrincipals == 1 ? "principal" : "principals"
                line(style.dim("  … and \(side.morePrincipals) more \(who) (\(side.moreEntries) more entries)"))
            }
        }
        list("Your draft grants, and the reference solution does not:", d.onlyInDraft, mark: style.yellow("+"))
        list("The reference solution grants, and your draft does not:", d.onlyInReference, mark: style.red("-"))
    }
}
