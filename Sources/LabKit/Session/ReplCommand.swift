/// One command typed at the `kdslab` prompt.
///
/// Parsed from a line by ``parse(_:)``; the REPL is one loop over this enum.
public enum ReplCommand: Sendable, Equatable {
    /// `help [COMMAND]`: the commands, or one command's usage.
    case help(String?)
    /// `lessons`: the course's lessons.
    case lessons
    /// `read N|ID`: a lesson, by position or id.
    case read(String)
    /// `labs`: the labs with the learner's status.
    case labs
    /// `next`: the lab after the one passed last, and the lesson to read before it.
    case next
    /// `start N|ID`: makes the lab (by position or id) the current lab, creating its draft
    /// from the starter.
    case start(String)
    /// `show`: the current lab's prompt and the draft's path.
    case show
    /// `edit`: opens `$VISUAL`/`$EDITOR` on the draft.
    case edit
    /// `paste`: reads a new draft from the following lines, up to a line holding `.` (or
    /// the end of input), and saves it if it is JSON.
    case paste
    /// `check`: grades the draft without recording an attempt.
    case check
    /// `submit`: grades the draft and records the attempt.
    case submit
    /// `hint`: the next rung of the hint ladder for the first failing check.
    case hint
    /// `explain ACTION RESOURCE [as NAME] [over …] [via …] [from …] [at …] [with …]`: the
    /// decision and its trace for the draft, in the context given.
    case explain(ExplainQuestion)
    /// `diff`: grants the draft gives that the reference does not, and the reverse.
    case diff
    /// `solution [--give-up]`: the reference solution, after passing or giving up.
    case solution(giveUp: Bool)
    /// `run`: the lab's workload, call by call.
    case run
    /// `progress`: every lab's status.
    case progress
    /// `reset [ID] [--yes]`: forgets a lab's progress and sets its draft aside.
    case reset(lab: String?, confirmed: Bool)
    /// `glossary [WORD]`: the glossary's terms, or what it says about a word or an action.
    case glossary(String?)
    /// `cheatsheet [ROLE|ACTION]`: the actions each stream role needs, from the action catalog.
    case cheatsheet(String?)
    /// `quit`: leaves (everything is already saved).
    case quit

    /// Reads a line; `nil` for a blank line.
    public static func parse(_ line: String) throws(ReplCommandError) -> ReplCommand? {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return nil }
        let name = first.lowercased()
        guard let spec = ReplCommandSpec.named(name) else {
            throw .unknownCommand(first, suggestion: ReplCommandSpec.suggestion(for: name))
        }
        let args = Array(words.dropFirst())
        func none() throws(ReplCommandError) {
            if let extra = args.first { throw .unexpectedArgument(command: spec.name, argument: extra, usage: spec.usage) }
        }
        func one() throws(ReplCommandError) -> String {
            guard let value = args.first else { throw .missingArgument(command: spec.name, usage: spec.usage) }
            if args.count > 1 { throw .unexpectedArgument(command: spec.name, argument: args[1], usage: spec.usage) }
            return value
        }
        switch spec.name {
        case "help":
            if args.count > 1 { throw .unexpectedArgument(command: "help", argument: args[1], usage: spec.usage) }
            return .help(args.first?.lowercased())
        case "lessons": try none(); return .lessons
        case "read": return .read(try one())
        case "labs": try none(); return .labs
        case "next": try none(); return .next
        case "start": return .start(try one())
        case "show": try none(); return .show
        case "edit": try none(); return .edit
        case "paste": try none(); return .paste
        case "check": try none(); return .check
        case "submit": try none(); return .submit
        case "hint": try none(); return .hint
        case "explain":
            return .explain(try ExplainQuestion.parse(args, usage: spec.usage))
        case "diff": try none(); return .diff
        case "solution":
            var giveUp = false
            for a in args {
                guard a == "--give-up" else { throw .unexpectedArgument(command: "solution", argument: a, usage: spec.usage) }
                giveUp = true
            }
            return .solution(giveUp: giveUp)
        case "run": try none(); return .run
        case "progress": try none(); return .progress
        case "glossary": return .glossary(args.isEmpty ? nil : args.joined(separator: " "))
        case "cheatsheet": return .cheatsheet(args.isEmpty ? nil : args.joined(separator: " "))
        case "reset":
            var lab: String?
            var confirmed = false
            for a in args {
                if a == "--yes" {
                    confirmed = true
                } else if lab == nil, !a.hasPrefix("-") {
                    lab = a
                } else {
                    throw .unexpectedArgument(command: "reset", argument: a, usage: spec.usage)
                }
            }
            return .reset(lab: lab, confirmed: confirmed)
        default:
            try none()
            return .quit
        }
    }
}
