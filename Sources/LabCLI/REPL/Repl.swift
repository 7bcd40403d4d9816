import LabKit

/// The learner's REPL: `kdslab` with no command.
///
/// One loop over ``ReplCommand``: read a line, parse it, run it, print what happened. The
/// learner's state lives in a ``LabSession`` value and the progress store; the REPL only
/// renders what they return. Every change is saved as it happens, so leaving (`quit`,
/// Ctrl-D, the end of a script) loses nothing — and when a save fails, the learner is told
/// at once, leaving lists what was not saved, and the session exits 1.
final class Repl {
    let io: CommandIO
    let course: Course
    let store: FileProgressStore
    let style: TerminalStyle
    let input: ReplInput
    /// Whether the `--no-color` flag was given (passed on to `progress`).
    let noColorFlag: Bool
    var session: LabSession
    /// Why the progress could not be read when the session began, to say in the welcome.
    let loadProblem: String?
    /// What could not be saved this session, in the learner's words, to list when leaving.
    var notSaved: [String] = []
    /// Labs whose last `paste` could not be saved: the draft on disk is older than what the
    /// learner typed, so it is not graded in its place (see ``currentDraft(_:for:)``).
    var unsavedDrafts: Set<String> = []

    init(io: CommandIO, course: Course, store: FileProgressStore, style: TerminalStyle, input: ReplInput,
         noColorFlag: Bool) {
        self.io = io
        self.course = course
        self.store = store
        self.style = style
        self.input = input
        self.noColorFlag = noColorFlag
        var state = ProgressState()
        do {
            state = try store.load()
            loadProblem = nil
        } catch {
            loadProblem = "\(error)"
        }
        session = LabSession(passed: Set(state.labs.filter { $0.value.status == .passed }.map(\.key)),
                             gaveUp: Set(state.labs.filter { $0.value.solutionViewed }.map(\.key)))
    }

    /// Runs until `quit` or the end of input; returns the exit status: 0, or 1 when
    /// something could not be saved.
    func run() -> Int32 {
        welcome()
        while true {
            let prompt = style.cyan("kdslab" + (session.currentLab.map { " \($0)" } ?? "")) + "> "
            switch input.readCommand(prompt: prompt) {
            case .cancelled:
                continue
            case .endOfInput:
                return leave(sayingGoodbye: io.inputIsTerminal)
            case .line(let line):
                let command: ReplCommand?
                do {
                    command = try ReplCommand.parse(line)
                } catch {
                    say(error.description)
                    continue
                }
                guard let command else { continue }
                if command == .quit { return leave(sayingGoodbye: true) }
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

    /// Says goodbye (when asked) and returns the exit status; whatever could not be saved is
    /// always listed, and makes the status 1.
    func leave(sayingGoodbye: Bool) -> Int32 {
        guard notSaved.isEmpty else {
            say("not saved this session: " + notSaved.joined(separator: "; ") + " (the messages above say why)")
            if sayingGoodbye { io.line("Bye.") }
            return 1
        }
        // Nothing was lost; but when the progress could not even be read, "saved" would claim too much.
        if sayingGoodbye { io.line(loadProblem == nil ? "Bye. Your progress is saved." : "Bye.") }
        return 0
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

    /// The current lab's draft, or `nil` after saying why there is none — or why it is not
    /// used: after a `paste` that could not be saved, the draft on disk is older than what the
    /// learner typed, and `doing` (`checked`, `submitted`...) it would mislead.
    func currentDraft(_ lab: Lab, for doing: String) -> String? {
        if unsavedDrafts.contains(lab.id) {
            let path = (try? store.draftPath(for: lab.id)) ?? "your draft"
            say("not \(doing): your pasted draft of \(lab.id) was not saved, and the draft on disk is older: "
                + "fix the problem above and `paste` again, or `edit` \(path)")
            return nil
        }
        do {
            if let text = try store.draft(for: lab.id) { return text }
            say("you have no draft for \(lab.id): `start \(lab.id)` makes one from the starter")
        } catch {
            say("cannot read your draft: \(error)")
        }
        return nil
    }

    /// Runs a store operation, saying what went wrong instead of stopping; when it was to
    /// save something, `lost` names it for the list said when leaving.
    @discardableResult
    func saving<T>(_ what: String, lost: String? = nil, _ body: () throws -> T) -> T? {
        do {
            let value = try body()
            for warning in store.takeWarnings() { io.line(style.yellow("warning: ") + "\(warning)") }
            return value
        } catch {
            say("cannot \(what): \(error)")
            if let lost, !notSaved.contains(lost) { notSaved.append(lost) }
            return nil
        }
    }

    /// Saves `text` as the draft of `lab`; when that fails, the draft on disk is not graded
    /// until a save succeeds.
    @discardableResult
    func saveDraft(_ text: String, for lab: String) -> Bool {
        guard saving("save your draft", lost: "the draft of \(lab)", { try store.saveDraft(text, for: lab) }) != nil else {
            unsavedDrafts.insert(lab)
            return false
        }
        unsavedDrafts.remove(lab)
        return true
    }
}
