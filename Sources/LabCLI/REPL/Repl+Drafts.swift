import LabKit

/// `start`, `show` and `edit`: the current lab and the learner's draft.
extension Repl {
    /// `start N` or `start ID`.
    func start(_ name: String) {
        let id: String
        if !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let found = Int(name).flatMap(route.lab(at:)) else {
                say("no lab \(name): `labs` lists them (1 to \(course.labs.count))")
                return
            }
            id = found
        } else {
            id = name
        }
        guard let lab = course.lab(id) else {
            say("no lab `\(id)`" + (ReplCommandSpec.closest(id, in: course.labIDs).map { "; did you mean `\($0)`?" } ?? "; `labs` lists them"))
            return
        }
        guard let path = saving("find your draft", { try store.draftPath(for: lab.id) }) else { return }
        let existing = saving("read your draft") { try store.draft(for: lab.id) }
        guard let existing else { return }
        if existing == nil {
            guard saveDraft(lab.starter, for: lab.id) else { return }
        }
        session.start(lab.id)
        // The prompt opens with the lab's title; only the id and difficulty are added.
        line(style.dim("(lab \(lab.id), difficulty \(lab.definition.difficulty) of 5)"))
        renderPrompt(lab)
        line("")
        line("You write \(lab.definition.submission.summary).")
        line((existing == nil ? "Your draft, copied from the starter: " : "Your draft: ") + style.cyan(path))
        guard lab.definition.submission == .answers else {
            line("Edit it (`edit`, or any editor), or `paste` a new one; then `check`, `hint`, `submit`.")
            return
        }
        line("Each answer you give here is saved in it; `check` grades the answers so far, `submit` records them.")
        walkQuiz(lab)
    }

    func show() {
        guard let lab = currentLab() else { return }
        line(style.bold(lab.definition.title) + style.dim("  (\(lab.id))"))
        renderPrompt(lab)
        line("")
        guard let draft = currentDraft(lab, for: "shown"), let path = try? store.draftPath(for: lab.id) else { return }
        if lab.definition.submission == .answers, let answers = try? QuizDraft(parsing: draft) {
            showQuiz(lab, answers: answers)
            line("Your answers are saved in " + style.cyan(path) + ". `start` asks the questions one at a time.")
            return
        }
        line("Your draft (" + style.cyan(path) + "):")
        // A line wider than the terminal goes on under its own indent, behind an empty gutter.
        let wrapper = TextWrapper(width: width - 7)
        for (n, text) in SourceExcerpt(draft).lines.enumerated() {
            for (i, part) in wrapper.wrapLine(String(text)).enumerated() {
                io.line(style.dim((i == 0 ? "\(n + 1)" : "").leftPadded(to: 4) + " | ") + part)
            }
        }
    }

    func edit() {
        guard let lab = currentLab(), let path = saving("find your draft", { try store.draftPath(for: lab.id) }) else { return }
        if saving("read your draft", { try store.draft(for: lab.id) }) == .some(nil) {
            guard saveDraft(lab.starter, for: lab.id) else { return }
        }
        // VISUAL first: it names the full-screen editor, EDITOR the line editor.
        let chosen = [io.environment("VISUAL"), io.environment("EDITOR")].compactMap { $0 }.first { !$0.isEmpty }
        if chosen == nil { line("No VISUAL or EDITOR set: using vi. Set EDITOR to choose another.") }
        let editor = chosen ?? "vi"
        // The shell answers 127 for a command it cannot find and 126 for one it cannot run.
        guard let status = io.runEditor(editor, on: path), status != 127, status != 126 else {
            say("cannot start the editor `\(editor)`: set VISUAL or EDITOR, or edit \(path) yourself")
            return
        }
        if status != 0 { say("the editor `\(editor)` exited with status \(status)") }
        // What the learner edited is on disk now: that is the draft.
        unsavedDrafts.remove(lab.id)
        line("Saved in \(path). `check` grades your draft.")
    }

    /// The lab's prompt, rendered as Markdown.
    func renderPrompt(_ lab: Lab) {
        let document = MarkdownDocument(parsing: lab.prompt)
        io.writeOutput(MarkdownRenderer(width: min(TerminalSize.current(io: io).columns, 100), style: style).renderText(document))
    }
}

extension String {
    /// The string with spaces before it to make it `width` characters wide.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(width - count, 0)) + self
    }
}
