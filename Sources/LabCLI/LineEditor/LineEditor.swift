#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Reads lines from a terminal with editing, history (Up, Down, Ctrl-R) and Tab completion.
///
/// The terminal is in raw mode only while ``readLine(prompt:)`` runs (or between
/// ``holdRawMode()`` and ``releaseRawMode()``), and is restored on every way out of it. Keys read past the end of one line (a pasted block) are kept for
/// the next call (or for another editor sharing its ``KeyReader``). When `input` is not a
/// terminal it reads a plain line instead.
final class LineEditor {
    /// The line, the history and the completion state.
    private(set) var state: LineEditorState
    /// Candidates for the word before the cursor, given the line and the cursor (a count of
    /// Unicode scalars); each candidate is the whole word.
    var completer: (_ line: String, _ cursor: Int) -> [String]
    private let input: Int32
    private let output: Int32
    /// Where keys come from (shared with another editor on the same terminal, if any).
    private let keys: KeyReader

    /// Creates an editor reading `input` and drawing on `output`.
    /// `tabInserts` makes Tab insert a tab instead of completing (for pasted text); `keys`
    /// shares the keys read ahead with another editor on the same terminal.
    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, history: LineHistory = LineHistory(),
         tabInserts: Bool = false, keys: KeyReader? = nil,
         completer: @escaping (_ line: String, _ cursor: Int) -> [String] = { _, _ in [] }) {
        self.input = input
        self.output = output
        self.keys = keys ?? KeyReader(fd: input)
        self.state = LineEditorState(history: history)
        self.state.tabInserts = tabInserts
        self.completer = completer
    }

    /// The lines entered so far.
    var history: LineHistory { state.history }

    /// The raw mode held across lines by ``holdRawMode()``, if any.
    private var held: RawTerminal?

    /// Keeps the terminal in raw mode between ``readLine(prompt:)`` calls until
    /// ``releaseRawMode()``. For a pasted block: keys that arrive between two lines would
    /// otherwise meet the terminal's cooked mode, which echoes them a second time and takes
    /// a Ctrl-D among them as its own end-of-file, so the editor would never see it.
    func holdRawMode() {
        if held == nil { held = RawTerminal(fd: input) }
    }

    /// Ends ``holdRawMode()``: the terminal is as it was before.
    func releaseRawMode() {
        held?.restore()
        held = nil
    }

    /// Shows `prompt` and reads one line.
    func readLine(prompt: String) -> LineResult {
        let entered = held == nil ? RawTerminal(fd: input) : nil
        guard held != nil || entered != nil else { return readPlainLine(prompt: prompt) }
        defer { entered?.restore() }
        state.startNewLine()
        var renderer = LineRenderer()
        func redraw(_ buffer: [Unicode.Scalar], cursor: Int) {
            send(renderer.render(prompt: state.search?.prompt ?? prompt, buffer: buffer, cursor: cursor,
                                 width: RawTerminal.width(of: output)))
        }
        redraw(state.buffer, cursor: state.cursor)
        while let key = keys.nextKey() {
            let before = state.buffer
            switch state.press(key, completer: completer) {
            case .redraw:
                // Keys already read (a paste) are taken first and the line drawn once after
                // them: drawing it after every key wrote the line's square to the terminal,
                // and a terminal slow to take that stopped reading the keys behind it.
                if !keys.hasQueuedKeys { redraw(state.buffer, cursor: state.cursor) }
            case .requestCompletion:
                redraw(state.buffer, cursor: state.cursor)
            case .bell:
                send("\u{07}")
            case .submit(let line):
                redraw(Array(line.unicodeScalars), cursor: line.unicodeScalars.count)
                send("\r\n")
                return .line(line)
            case .cancel:
                // "^C" drawn as part of the line, so it scrolls rather than wraps.
                redraw(before + ["^", "C"], cursor: before.count + 2)
                send("\r\n")
                return .cancelled
            case .endOfInput:
                send("\r\n")
                return .endOfInput
            case .clearScreen:
                send("\u{1B}[H\u{1B}[2J")
                redraw(state.buffer, cursor: state.cursor)
            case .listCandidates(let candidates):
                redraw(state.buffer, cursor: state.buffer.count)
                send("\r\n" + LineRenderer.candidateList(candidates, width: RawTerminal.width(of: output)))
                redraw(state.buffer, cursor: state.cursor)
            }
        }
        send("\r\n")
        return .endOfInput
    }

    /// Without a terminal: writes the prompt and reads bytes up to a newline.
    private func readPlainLine(prompt: String) -> LineResult {
        send(prompt)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return bytes.isEmpty ? .endOfInput : .line(String(decoding: bytes, as: UTF8.self)) }
            if byte == 0x0A { break }
            bytes.append(byte)
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        return .line(line)
    }

    private func send(_ text: String) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { write(output, $0.baseAddress.map { $0 + done }, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            done += count
        }
    }
}
