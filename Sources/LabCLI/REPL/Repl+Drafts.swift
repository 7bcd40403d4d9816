import LabKit

/// `start`, `show`, `edit` and `paste`: the current lab and the learner's draft.
extension Repl {
    func start(_ id: String) {
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
        io.line(style.dim("(lab \(lab.id), difficulty \(lab.definition.difficulty) of 5)"))
        renderPrompt(lab)
        io.line("")
        io.line("You write \(lab.definition.submission.summary).")
        io.line((existing == nil ? "Your draft, copied from the starter: " : "Your draft: ") + style.cyan(path))
        io.line("Edit it (`edit`, or any editor), or `paste` a new one; then `check`, `hint`, `submit`.")
    }

    func show() {
        guard let lab = currentLab() else { return }
        io.line(style.bold(lab.definition.title) + style.dim("  (\(lab.id))"))
        renderPrompt(lab)
        io.line("")
        guard let draft = currentDraft(lab, for: "shown"), let path = try? store.draftPath(for: lab.id) else { return }
        io.line("Your draft (" + style.cyan(path) + "):")
        for line in SourceExcerpt(draft).lines.enumerated().map({ "\($0.offset + 1)".leftPadded(to: 4) + " | " + $0.element }) {
            io.line(style.dim(String(line.prefix(7))) + String(line.dropFirst(7)))
        }
    }

    func edit() {
        guard let lab = currentLab(), let path = saving("find your draft", { try store.draftPath(for: lab.id) }) else { return }
        if saving("read your draft", { try store.draft(for: lab.id) }) == .some(nil) {
            guard saveDraft(lab.starter, for: lab.id) else { return }
        }
        // VISUAL first: it names the full-screen editor, EDITOR the line editor.
        let chosen = [io.environment("VISUAL"), io.environment("EDITOR")].compactMap { $0 }.first { !$0.isEmpty }
        if chosen == nil { io.line("No VISUAL or EDITOR set: using vi. Set EDITOR to choose another.") }
        let editor = chosen ?? "vi"
        // The shell answers 127 for a command it cannot find and 126 for one it cannot run.
        guard let status = io.runEditor(editor, on: path), status != 127, status != 126 else {
            say("cannot start the editor `\(editor)`: set VISUAL or EDITOR, or edit \(path) yourself")
            return
        }
        if status != 0 { say("the editor `\(editor)` exited with status \(status)") }
        // What the learner edited is on disk now: that is the draft.
        unsavedDrafts.remove(lab.id)
        io.line("Saved in \(path). `check` grades it.")
    }

    func paste() {
        guard let lab = currentLab() else { return }
        if io.inputIsTerminal { io.line(style.dim("Paste or type your draft; end with a line holding only `.` (Ctrl-C cancels).")) }
        var lines: [String] = []
        while true {
            switch input.readPasteLine(prompt: style.dim("… ")) {
            case .line(let line):
                if line.trimmingCharacters(in: .whitespaces) == "." {
                    let text = lines.joined(separator: "\n") + "\n"
                    guard !lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) else {
                        say("nothing was pasted; your draft is unchanged")
                        return
                    }
                    guard saveDraft(text, for: lab.id) else { return }
                    io.line("Saved \(lines.count) line\(lines.count == 1 ? "" : "s") as your draft. `check` grades it.")
                    return
                }
                lines.append(line)
            case .cancelled:
                io.line("Paste cancelled; your draft is unchanged.")
                return
            case .endOfInput:
                say("the input ended before a line holding `.`; your draft is unchanged")
                return
            }
        }
    }

    /// The lab's prompt, rendered as Markdown.
    func renderPrompt(_ lab: Lab) {
        let document = MarkdownDocument(parsing: lab.prompt)
        let size = TerminalSize.current(io: io)
        io.writeOutput(MarkdownRenderer(width: min(size.columns, 100), style: style).renderText(document))
    }
}

extension String {
    /// The string with spaces before it to make it `width` characters wide.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(width - count, 0)) + self
    }
}
