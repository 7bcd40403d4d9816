import LabKit

/// `kdslab reset LAB --yes`: forgets a lab's progress and sets its draft aside.
///
/// The attempt log keeps the lab's history and gains a `reset` line; the draft is moved to
/// `workspace/LAB.json.bak-TIME`, not deleted, and the lab's starter becomes the draft again
/// when the course is found. Without `--yes` it only says what it would do (exit 1). Exits 0
/// when reset (or when there is nothing to reset); 2 on bad usage, on a lab that neither the
/// course nor the progress knows (with the nearest lab id), or when the progress files
/// cannot be written.
struct ResetCommand {
    /// Where output goes and the environment comes from.
    let io: CommandIO

    /// The command's name in messages.
    static let name = "reset"

    /// Runs the command on the words after `reset`; returns the exit status.
    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: [.flag("--yes")] + ReplCommandLine.options).scan(arguments)
        guard let lab = parsed.positionals.first else {
            throw .usage("give the lab to reset, e.g. kdslab reset LAB --yes", command: Self.name)
        }
        if parsed.positionals.count > 1 {
            throw .usage("unexpected argument '\(parsed.positionals[1])' for '\(Self.name)'", command: Self.name)
        }
        do {
            try FileProgressStore.check(lab)
        } catch {
            throw .usage(error.description)
        }
        let course = try ReplCommandLine.loadCourse(parsed, io: io)
        let store = try ProgressCommand.store(io: io, courseID: course.manifest?.id)
        let (progress, hasDraft) = try ProgressCommand.attempt {
            (try store.load()[lab], try store.draft(for: lab) != nil)
        }
        ProgressCommand.report(store.takeWarnings(), io: io)
        let labs = course.labIDs
        if progress == .notStarted && !hasDraft, !labs.isEmpty, !labs.contains(lab) {
            let hint = ReplCommandSpec.closest(lab, in: labs).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("no lab '\(lab)'\(hint) (labs: \(labs.joined(separator: ", ")))")
        }
        if progress == .notStarted && !hasDraft {
            io.line("`\(lab)` has no progress to reset.")
            return 0
        }
        let summary = Self.summary(progress, hasDraft: hasDraft)
        guard parsed.has("--yes") else {
            io.line("This would forget `\(lab)`: \(summary). Run 'kdslab reset \(lab) --yes' to do it.")
            return 1
        }
        let result = try ProgressCommand.attempt { try store.reset(lab: lab) }
        ProgressCommand.report(store.takeWarnings(), io: io)
        io.line("Reset `\(lab)`: forgot \(summary); the attempt log keeps its history.")
        if let keptAs = result.draftKeptAs { io.line("Your draft is kept as \(keptAs)") }
        if let starter = course.lab(lab)?.starter {
            try ProgressCommand.attempt { try store.saveDraft(starter, for: lab) }
            io.line("Your draft is the lab's starter again: \(try ProgressCommand.attempt { try store.draftPath(for: lab) })")
        }
        return 0
    }

    /// `3 attempts, best 4/5, 1 hint, and the draft`.
    static func summary(_ p: LabProgress, hasDraft: Bool) -> String {
        var parts = ["\(p.attempts) \(p.attempts == 1 ? "attempt" : "attempts")"]
        if let best = p.bestScore { parts.append("best \(best)" + (p.maxScore.map { "/\($0)" } ?? "")) }
        parts.append("\(p.hintsUsed) \(p.hintsUsed == 1 ? "hint" : "hints")")
        if p.status != .notStarted { parts.append("status \(ProgressRenderer.label(p))") }
        if hasDraft { parts.append("your draft (set aside, not deleted)") }
        return parts.joined(separator: ", ")
    }
}
