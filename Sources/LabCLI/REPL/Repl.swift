import LabKit

/// The learner's REPL: `kdslab` with no command.
///
/// One loop over ``ReplCommand``: read a line, parse it, run it, print what happened. The
/// learner's state lives in a ``LabSession`` value and the progress store; the REPL only
/// renders what they return. Every change is saved as it happens, so leaving (`quit`,
/// Ctrl-D, the end of a script) loses nothing.
final class Repl {
    let io: CommandIO
    let course: Course
    let store: FileProgressStore
    let style: TerminalStyle
    let input: ReplInput
    /// Whether the `--no-color` flag was given (passed on to `progress`).
    let noColorFlag: Bool
    var session: LabSession

    init(io: CommandIO, course: Course, store: FileProgressStore, style: TerminalStyle, input: ReplInput,
         noColorFlag: Bool) {
        self.io = io
        self.course = course
        self.store = store
        self.style = style
        self.input = input
        self.noColorFlag = noColorFlag
        let state = (try? store.load()) ?? ProgressState()
        session = LabSession(passed: Set(state.labs.filter { $0.value.status == .passed }.map(\.key)),
                             gaveUp: Set(state.labs.filter { $0.value.solutionViewed }.map(\.key)))
    }

    /// Runs until `quit` or the end of input; returns the exit status (0).
    func run() -> Int32 {
        welcome()
        while true {
            let prompt = style.cyan("kdslab" + (session.currentLab.map { " \($0)" } ?? "")) + "> "
            switch input.readCommand(prompt: prompt) {
            case .cancelled:
                continue
            case .endOfInput:
                if io.inputIsTerminal { io.line("Bye. Your progress is saved.") }
                return 0
            case .line(let line):
                let command: ReplCommand?
                do {
                    command = try ReplCommand.parse(line)
                } catch {
                    say(error.description)
                    continue
                }
                guard let command else { continue }
                if command == .quit {
                    io.line("Bye. Your progress is saved.")
                    return 0
                }
                perform(command)
            }
        }
    }

    /// Runs one command.
    func perform(_ command: ReplCommand) {
        switch command {
        case .help(let topic): help(topic)
        case .lessons: listLessons()
        case .read(let name): read(name)
        case .labs: listLabs()
        case .start(let id): start(id)
        case .show: show()
        case .edit: edit()
        case .paste: paste()
        case .check: grade(record: false)
        case .submit: grade(record: true)
        case .hint: hint()
        case .explain(let action, let resource, let principal): explain(action, resource, principal)
        case .diff: diff()
        case .solution(let giveUp): solution(giveUp: giveUp)
        case .run: runWorkload()
        case .progress: progress()
        case .reset(let lab, let confirmed): reset(lab, confirmed: confirmed)
        case .quit: break
        }
    }

    /// A one-line problem, marked so it stands out.
    func say(_ problem: String) {
        io.line(style.red("✘ ") + problem)
    }

    /// The current lab, or `nil` after telling the learner to start one.
    func currentLab() -> Lab? {
        guard let id = session.currentLab, let lab = course.lab(id) else {
            say("no lab is started: `start LAB` first (`labs` lists them)")
            return nil
        }
        return lab
    }

    /// The current lab's draft, or `nil` after saying why there is none.
    func currentDraft(_ lab: Lab) -> String? {
        do {
            if let text = try store.draft(for: lab.id) { return text }
            say("you have no draft for \(lab.id): `start \(lab.id)` makes one from the starter")
        } catch {
            say("cannot read your draft: \(error)")
        }
        return nil
    }

    /// Runs a store operation, saying what went wrong instead of stopping.
    @discardableResult
    func saving<T>(_ what: String, _ body: () throws -> T) -> T? {
        do {
            let value = try body()
            for warning in store.takeWarnings() { io.line(style.yellow("warning: ") + "\(warning)") }
            return value
        } catch {
            say("cannot \(what): \(error)")
            return nil
        }
    }
}
