import LabKit

/// The learner's REPL: `kdslab` with no command.
///
/// One loop over ``ReplCommand``: read a line, parse it, run it, print what happened. The
/// learner's state lives in a ``LabSession`` value and the progress store; the REPL only
/// renders what they return. Every change is saved as it happens, so leaving (`quit`,
/// Ctrl-D, the end of a script) loses nothing — and when a save fails, the learner is told
/// at once, leaving lists what was not saved, and the session exits 1. Text is word-wrapped
/// to the terminal's width (``line(_:)``); JSON is written as it is, so it can be copied.
final class Repl {
    let io: CommandIO
    let course: Course
    let store: FileProgressStore
    let style: TerminalStyle
    let input: ReplInput
    /// Whether the `--no-color` flag was given (passed on to `progress`).
    let noColorFlag: Bool
    /// The labs in course order, with their lessons.
    let route: CourseRoute
    var session: LabSession
    /// Why the progress could not be read when the session began, to say in the welcome.
    let loadProblem: String?
    /// What could not be saved this session, in the learner's words, to list when leaving.
    var notSaved: [String] = []
    /// Labs whose last `paste` (or quiz answer) could not be saved: the draft on disk is older
    /// than what the learner typed, so it is not graded in its place (see ``currentDraft(_:for:)``).
    var unsavedDrafts: Set<String> = []
    /// Whether the last line at the prompt was JSON rather than a command (so `paste` has
    /// been suggested for the block it belongs to).
    var inStrayJSON = false
    /// A command typed where a quiz answer was asked for: it runs next, as if typed at the prompt.
    var pendingLine: String?

    init(io: CommandIO, course: Course, store: FileProgressStore, style: TerminalStyle, input: ReplInput,
         noColorFlag: Bool) {
        self.io = io
        self.course = course
        self.store = store
        self.style = style
        self.input = input
        self.noColorFlag = noColorFlag
        route = CourseRoute(labs: course.labs.map(\.definition), lessonIDs: Set(course.lessons.lessons.map(\.id)))
        var state = ProgressState()
        do {
            state = try store.load()
            loadProblem = nil
        } catch {
            loadProblem = "\(error)"
        }
        let lastPassed = state.labs.compactMap { id, p in p.passedAt.map { ($0, id) } }.max(by: <)?.1
        session = LabSession(passed: Set(state.labs.filter { $0.value.status == .passed }.map(\.key)),
                             gaveUp: Set(state.labs.filter { $0.value.solutionViewed }.map(\.key)),
                             lastPassed: lastPassed,
                             read: (try? store.readingRecord())?.lessons ?? [])
    }

    /// Runs until `quit` or the end of input; returns the exit status: 0, or 1 when
    /// something could not be saved.
    func run() -> Int32 {
        welcome()
        while true {
            let prompt = style.cyan("kdslab" + (session.currentLab.map { " \($0)" } ?? "")) + "> "
            input.completer?.lab = session.currentLab.flatMap { course.lab($0)?.definition }
            let read: LineResult
            if let pending = pendingLine {
                pendingLine = nil
                read = .line(pending)
            } else {
                read = input.readCommand(prompt: prompt)
            }
            switch read {
            case .cancelled:
                continue
            case .endOfInput:
                return leave(sayingGoodbye: io.inputIsTerminal)
            case .line(let text):
                let command: ReplCommand?
                do {
                    command = try ReplCommand.parse(text)
                } catch {
                    strayLine(text, error)
                    continue
                }
                guard let command else { continue }
                inStrayJSON = false
                if command == .quit { return leave(sayingGoodbye: true) }
                perform(command)
            }
        }
    }

    /// A line that is not a command: JSON gets one suggestion of `paste` for its whole
    /// block; anything else its error.
    func strayLine(_ text: String, _ error: ReplCommandError) {
        guard ReplCommand.looksLikeJSON(text) else {
            inStrayJSON = false
            say(error.description)
            return
        }
        if !inStrayJSON {
            say("that looks like JSON, not a command: did you mean `paste`? Type `paste`, then paste your draft "
                + "and end it with a line holding only `.` (or Ctrl-D). The JSON lines here are ignored.")
        }
        inStrayJSON = true
    }

    /// Runs one command.
    func perform(_ command: ReplCommand) {
        switch command {
        case .help(let topic): help(topic)
        case .lessons: listLessons()
        case .read(let name): read(name)
        case .labs: listLabs()
        case .next: next()
        case .start(let id): start(id)
        case .show: show()
        case .edit: edit()
        case .paste: paste()
        case .check: grade(record: false)
        case .submit: grade(record: true)
        case .hint: hint()
        case .explain(let question): explain(question)
        case .diff: diff()
        case .solution(let giveUp): solution(giveUp: giveUp)
        case .run: runWorkload()
        case .progress: progress()
        case .reset(let lab, let confirmed): reset(lab, confirmed: confirmed)
        case .glossary(let word): glossary(word)  // Repl+Glossary.swift
        case .cheatsheet(let word): cheatsheet(word)
        case .quit: break
        }
    }

    /// Says goodbye (when asked) and returns the exit status; whatever could not be saved is
    /// always listed, and makes the status 1.
    func leave(sayingGoodbye: Bool) -> Int32 {
        guard notSaved.isEmpty else {
            say("not saved this session: " + notSaved.joined(separator: "; ") + " (the messages above say why)")
            if sayingGoodbye { line("Bye.") }
            return 1
        }
        // Nothing was lost; but when the progress could not even be read, "saved" would claim too much.
        if sayingGoodbye { line(loadProblem == nil ? "Bye. Your progress is saved." : "Bye.") }
        return 0
    }

    /// The terminal's width now (it may change between commands); without a terminal or
    /// `COLUMNS`, output is not wrapped.
    var width: Int { TerminalSize.knownWidth(io: io) ?? TerminalSize.unbounded }

    /// Writes `text` (which may hold several lines) word-wrapped to the terminal's width.
    func line(_ text: String = "") {
        for wrapped in TextWrapper(width: width).wrap(text) { io.line(wrapped) }
    }

    /// Writes `lines` as they are: code, JSON, excerpts already fitted to the width.
    func verbatim(_ lines: [String]) {
        for text in lines { io.line(text) }
    }

    /// A one-line problem, marked so it stands out.
    func say(_ problem: String) {
        line(style.red("✘ ") + problem)
    }

    /// Asks a yes-or-no question on the terminal (the question on its own lines, wrapped;
    /// the prompt short, so the line editor always shows it); only `y` or `yes` is yes.
    func confirm(_ question: String) -> Bool {
        line(question)
        let prompt = "[y/N] "
        if !input.showsPrompts { io.writeOutput(prompt) }
        guard case .line(let answer) = input.readPasteLine(prompt: prompt) else { return false }
        if !input.showsPrompts { io.line(answer) }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
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
            let again = lab.definition.submission == .answers ? "answer again (`start`)" : "`paste` again"
            say("not \(doing): the last change to your draft of \(lab.id) was not saved, and the draft on disk is older: "
                + "fix the problem above and \(again), or `edit` \(path)")
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
            for warning in store.takeWarnings() { line(style.yellow("warning: ") + "\(warning)") }
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
