#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The REPL's needs from the real system: standard input line by line, the working
/// directory, the program's path and the learner's editor.
extension SystemIO {
    /// Whether standard error is a terminal (`isatty`).
    public var errorIsTerminal: Bool {
        isatty(STDERR_FILENO) == 1
    }

    public var inputIsTerminal: Bool {
        isatty(STDIN_FILENO) == 1
    }

    /// The window size of the terminal on standard output (`TIOCGWINSZ`).
    public var windowSize: (columns: Int, rows: Int)? {
        TerminalSize.queryStandardOutput().map { ($0.columns, $0.rows) }
    }

    /// Reads bytes up to a newline, one at a time so nothing past the line is consumed.
    public func readInputLine() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(STDIN_FILENO, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 0x0A { break }
            bytes.append(byte)
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `getcwd`.
    public var currentDirectory: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The system's answer where there is one (``Platform/executablePath()``), else the first
    /// command-line argument made absolute.
    public var executablePath: String? {
        if let path = Platform.executablePath() { return path }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return first.hasPrefix("/") ? first : (currentDirectory.map { $0 + "/" + first } ?? first)
    }

    /// Runs `/bin/sh -c 'EDITOR "$1"' kdslab PATH` (so `EDITOR` may carry its own options)
    /// on the learner's terminal (see ``TerminalChild``) and waits for it. A child killed by
    /// a signal reports 128 plus the signal, as a shell would. `nil`, without running the
    /// shell, when `editor` is a simple command whose program is not on `PATH`.
    public func runEditor(_ editor: String, on path: String) -> Int32? {
        guard ProgramLookup.mayRun(editor, searchPath: environment("PATH")) else { return nil }
        return TerminalChild.shell(editor + " \"$1\"", arguments: [path]).run().shellStatus
    }
}
