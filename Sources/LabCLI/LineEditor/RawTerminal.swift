#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A terminal switched into raw mode for the line editor, until ``restore()``.
///
/// Raw here means: no line buffering (`ICANON`), no echo (`ECHO`), no signals from Ctrl-C
/// or Ctrl-Z (`ISIG`), no Ctrl-V (`IEXTEN`), no flow control (`IXON`) and Enter arriving
/// as `\r` (`ICRNL` off). Output processing (`OPOST`) stays on.
struct RawTerminal {
    /// The terminal's file descriptor.
    let fd: Int32
    private let original: termios

    /// Switches the terminal on `fd` to raw mode, or returns `nil` when `fd` is not a
    /// terminal or refuses the change (nothing is changed then).
    init?(fd: Int32) {
        var saved = termios()
        guard isatty(fd) == 1, tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        // TCSANOW, not TCSAFLUSH: keys typed ahead (or pasted) before the prompt are kept.
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
        self.fd = fd
        self.original = saved
    }

    /// Puts the terminal back as it was.
    func restore() {
        var saved = original
        _ = tcsetattr(fd, TCSANOW, &saved)
    }

    /// The terminal's width in columns (`TIOCGWINSZ`), or 80 when it cannot be read.
    static func width(of fd: Int32) -> Int {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Whether the line editor should be used: both streams are terminals and `TERM` is
    /// not `dumb` (a terminal without cursor movement).
    static func isInteractive(inputIsTerminal: Bool, outputIsTerminal: Bool, term: String?) -> Bool {
        inputIsTerminal && outputIsTerminal && term != "dumb"
    }

    /// ``isInteractive(inputIsTerminal:outputIsTerminal:term:)`` for standard input and
    /// output, with `term` the value of `TERM`.
    static func isInteractive(term: String?) -> Bool {
        isInteractive(inputIsTerminal: isatty(STDIN_FILENO) == 1,
                      outputIsTerminal: isatty(STDOUT_FILENO) == 1, term: term)
    }
}
