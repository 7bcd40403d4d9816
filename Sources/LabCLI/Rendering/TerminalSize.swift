#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The terminal's size in cells, for wrapping and for deciding whether to page.
struct TerminalSize: Equatable {
    var columns: Int
    var rows: Int

    /// Used when nothing better is known.
    static let fallback = TerminalSize(columns: 80, rows: 24)

    /// The size from the window size query if it gave one, else `COLUMNS` and `LINES`,
    /// else 80 by 24. Pure, so the choice is testable.
    static func resolve(queried: TerminalSize?, columns: String?, lines: String?) -> TerminalSize {
        if let queried, queried.columns > 0, queried.rows > 0 { return queried }
        let c = columns.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        let r = lines.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        return TerminalSize(columns: c ?? fallback.columns, rows: r ?? fallback.rows)
    }

    /// The size of the terminal on standard output (`TIOCGWINSZ`), if it is one.
    static func queryStandardOutput() -> TerminalSize? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
    }

    /// The size to use for output written through `io`.
    static func current(io: CommandIO) -> TerminalSize {
        resolve(queried: io.outputIsTerminal ? queryStandardOutput() : nil,
                columns: io.environment("COLUMNS"), lines: io.environment("LINES"))
    }
}
