import IAMPolicy
import LabKit

/// `paste`: a new draft typed or pasted at the prompt, checked before it is saved.
extension Repl {
    func paste() {
        guard let lab = currentLab() else { return }
        // Raw before the invitation is shown: a paste that follows it at once must not meet
        // the terminal's cooked mode, which would echo it and take its Ctrl-D as end-of-file.
        input.beginPaste()
        defer { input.endPaste() }
        if io.inputIsTerminal {
            line(style.dim("Paste or type your draft; end with a line holding only `.`, or Ctrl-D (Ctrl-C cancels)."))
        }
        var lines: [String] = []
        reading: while true {
            switch input.readPasteLine(prompt: style.dim("… ")) {
            case .line(let text):
                if text.trimmingCharacters(in: .whitespaces) == "." { break reading }
                lines.append(text)
            case .endOfInput:
                break reading
            case .cancelled:
                line("Paste cancelled; your draft is unchanged.")
                return
            }
        }
        input.endPaste()
        guard !lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) else {
            say("nothing was pasted; your draft is unchanged")
            return
        }
        guard let text = checkedPaste(lines.joined(separator: "\n") + "\n") else { return }
        guard saveDraft(text, for: lab.id) else { return }
        line("Saved \(lines.count) line\(lines.count == 1 ? "" : "s") as your draft. `check` grades it.")
    }

    /// The pasted text to save, or `nil` after saying why it is refused: typographic
    /// characters are named and, on a terminal, offered fixed; text that is not JSON is
    /// refused with its line and column. Either way the draft is kept.
    func checkedPaste(_ pasted: String) -> String? {
        var text = pasted
        let typographic = PasteCheck.typographic(in: text)
        if !typographic.isEmpty {
            for found in typographic {
                say("line \(found.line), column \(found.column): \(found.kind.advice)"
                    + (found.count > 1 ? " (\(found.count) of them)" : ""))
            }
            guard io.inputIsTerminal else {
                say("not saved: your draft is unchanged. Paste it again with straight quotes and plain spaces.")
                return nil
            }
            guard confirm("Replace them with straight quotes and plain spaces, then save?") else {
                line("Not saved; your draft is unchanged.")
                return nil
            }
            text = PasteCheck.straightened(text)
        }
        if let error = PasteCheck.jsonError(in: text) {
            say("line \(error.position.line), column \(error.position.column): \(error.message); "
                + "this is not JSON, so it was not saved: your draft is unchanged")
            let excerpt = SourceExcerpt(text, maxWidth: width - 8)
            let position = SourcePosition(line: error.position.line, column: max(error.position.column, 1), offset: 0)
            verbatim(excerpt.underlined(SourceRange(at: position), maxLines: 1, style: style) { style.red($0) })
            return nil
        }
        return text
    }
}
