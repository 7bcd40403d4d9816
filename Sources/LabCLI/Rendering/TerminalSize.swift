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

    /// The width to wrap output to: the terminal's, else `COLUMNS`; `nil` when neither is
    /// known (output to a pipe or file is not wrapped).
    static func knownWidth(io: CommandIO) -> Int? {
        if io.outputIsTerminal, let queried = io.windowSize, queried.columns > 0 { return queried.columns }
        return io.environment("COLUMNS").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// A width for text that is not wrapped.
    static let unbounded = 1 << 20

    /// The size to use for output written through `io`.
    static func current(io: CommandIO) -> TerminalSize {
        resolve(queried: io.outputIsTerminal ? io.windowSize.map { TerminalSize(columns: $0.columns, rows: $0.rows) } : nil,
                columns: io.environment("COLUMNS"), lines: io.environment("LINES"))
    }
}
