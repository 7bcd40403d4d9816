#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import LabKit

/// Where the REPL's lines come from: the line editor on a terminal, plain lines otherwise.
protocol ReplInput: AnyObject {
    /// A command line, after showing `prompt` where that makes sense.
    func readCommand(prompt: String) -> LineResult
    /// One line of a pasted draft, or an answer (no history, no completion; tabs kept).
    func readPasteLine(prompt: String) -> LineResult
    /// Called before and after reading a block of pasted lines: a terminal stays in raw mode
    /// for the whole block, so keys arriving between two lines are not taken by its cooked mode.
    func beginPaste()
    func endPaste()
    /// Whether lines are read with the line editor (history, Tab, Ctrl-R).
    var hasLineEditor: Bool { get }
    /// Whether the prompts given are shown (not for a script on a pipe).
    var showsPrompts: Bool { get }
    /// What Tab completes from, when lines are read with the line editor.
    var completer: ReplCompleter? { get }
}

extension ReplInput {
    func beginPaste() {}
    func endPaste() {}
    var completer: ReplCompleter? { nil }
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

    var hasLineEditor: Bool { false }
    var showsPrompts: Bool { false }
}

/// Plain lines from a terminal that cannot move its cursor (`TERM=dumb`): the prompt is
/// written, the terminal's own line editing and echo do the rest.
final class PromptedInput: ReplInput {
    let io: CommandIO

    init(io: CommandIO) {
        self.io = io
    }

    func readCommand(prompt: String) -> LineResult {
        io.writeOutput(prompt)
        return io.readInputLine().map { .line($0) } ?? .endOfInput
    }

    func readPasteLine(prompt: String) -> LineResult {
        readCommand(prompt: prompt)
    }

    var hasLineEditor: Bool { false }
    var showsPrompts: Bool { true }
}

/// The line editor on the terminal: history (kept in the state directory) and Tab
/// completion for commands; a second editor, without either and keeping tabs, for pasted
/// drafts and answers.
final class TerminalInput: ReplInput {
    let commands: LineEditor
    let paste: LineEditor
    /// Where the history is kept between sessions, if anywhere.
    let historyFile: HistoryFile?
    let completer: ReplCompleter?

    init(completer: ReplCompleter, historyFile: HistoryFile? = nil) {
        self.historyFile = historyFile
        self.completer = completer
        let history = LineHistory(limit: historyFile?.limit ?? 1000, entries: historyFile?.load() ?? [])
        let keys = KeyReader(fd: STDIN_FILENO)
        commands = LineEditor(history: history, keys: keys, completer: { completer.candidates($0, cursor: $1) })
        paste = LineEditor(tabInserts: true, keys: keys)
    }

    func readCommand(prompt: String) -> LineResult {
        let result = commands.readLine(prompt: prompt)
        // JSON pasted at the prompt by mistake is not worth recalling in a later session.
        if case .line(let line) = result, commands.history.entries.last == line, !ReplCommand.looksLikeJSON(line) {
            historyFile?.append(line)
        }
        return result
    }

    func readPasteLine(prompt: String) -> LineResult {
        paste.readLine(prompt: prompt)
    }

    func beginPaste() { paste.holdRawMode() }
    func endPaste() { paste.releaseRawMode() }

    var hasLineEditor: Bool { true }
    var showsPrompts: Bool { true }
}
