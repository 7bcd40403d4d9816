#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Reads lines from a terminal with editing, history and Tab completion.
///
/// The terminal is in raw mode only while ``readLine(prompt:)`` runs, and is restored on
/// every way out of it. Keys read past the end of one line (a pasted block) are kept for
/// the next call. When `input` is not a terminal it reads a plain line instead.
final class LineEditor {
    /// The line, the history and the completion state.
    private(set) var state: LineEditorState
    /// Candidates for the word before the cursor, given the line and the cursor (a count of
    /// Unicode scalars); each candidate is the whole word.
    var completer: (_ line: String, _ cursor: Int) -> [String]
    private let input: Int32
    private let output: Int32
    private var decoder = KeyDecoder()
    private var queued: [Key] = []

    /// How long to wait after an Escape for the rest of a sequence, in milliseconds.
    static let escapeTimeout: Int32 = 50

    /// Creates an editor reading `input` and drawing on `output`.
    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, history: LineHistory = LineHistory(),
         completer: @escaping (_ line: String, _ cursor: Int) -> [String] = { _, _ in [] }) {
        self.input = input
        self.output = output
        self.state = LineEditorState(history: history)
        self.completer = completer
    }

    /// The lines entered so far.
    var history: LineHistory { state.history }

    /// Shows `prompt` and reads one line.
    func readLine(prompt: String) -> LineResult {
        guard let terminal = RawTerminal(fd: input) else { return readPlainLine(prompt: prompt) }
        defer { terminal.restore() }
        state.startNewLine()
        var renderer = LineRenderer()
        func redraw(_ buffer: [Unicode.Scalar], cursor: Int) {
            send(renderer.render(prompt: prompt, buffer: buffer, cursor: cursor,
                                 width: RawTerminal.width(of: output)))
        }
        redraw(state.buffer, cursor: state.cursor)
        while let key = nextKey() {
            let before = state.buffer
            switch state.press(key, completer: completer) {
            case .redraw, .requestCompletion:
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

    /// The next key, reading more input as needed; `nil` when the input closed or failed.
    private func nextKey() -> Key? {
        var chunk = [UInt8](repeating: 0, count: 256)
        while queued.isEmpty {
            if decoder.hasPending, !inputArrives(within: Self.escapeTimeout) {
                queued += decoder.flush()
                continue
            }
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            queued += decoder.feed(chunk[0..<count])
        }
        return queued.removeFirst()
    }

    private func inputArrives(within milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            return ready > 0
        }
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
