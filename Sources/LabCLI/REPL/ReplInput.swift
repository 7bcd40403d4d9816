/// Where the REPL's lines come from: the line editor on a terminal, plain lines otherwise.
protocol ReplInput: AnyObject {
    /// A command line, after showing `prompt` where that makes sense.
    func readCommand(prompt: String) -> LineResult
    /// One line of a pasted draft (no history, no completion).
    func readPasteLine(prompt: String) -> LineResult
}

/// Plain lines from standard input, for scripts and pipes: no prompt and no echo, so a
/// transcript holds only what the commands print.
final class PipedInput: ReplInput {
    let io: CommandIO

    init(io: CommandIO) {
        self.io = io
    }

    func readCommand(prompt: String) -> LineResult {
        io.readInputLine().map { .line($0) } ?? .endOfInput
    }

    func readPasteLine(prompt: String) -> LineResult {
        readCommand(prompt: prompt)
    }
}

/// The line editor on the terminal: history and Tab completion for commands; a second
/// editor, without either, for pasted drafts.
final class TerminalInput: ReplInput {
    let commands: LineEditor
    let paste = LineEditor()

    init(completer: ReplCompleter) {
        commands = LineEditor(completer: { completer.candidates($0, cursor: $1) })
    }

    func readCommand(prompt: String) -> LineResult {
        commands.readLine(prompt: prompt)
    }

    func readPasteLine(prompt: String) -> LineResult {
        paste.readLine(prompt: prompt)
    }
}
