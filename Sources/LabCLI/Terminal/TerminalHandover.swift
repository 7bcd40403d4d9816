#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What the REPL sets aside while a ``TerminalChild`` has the terminal, and puts back when
/// it is done: as a job-control shell does for a foreground command.
///
/// - SIGINT and SIGQUIT are ignored, so Ctrl-C or Ctrl-\ reaches the child (which is in the
///   same process group) without ending the REPL.
/// - SIGPIPE is ignored, so a pager quit before reading all its input ends the REPL's write
///   with `EPIPE` instead of ending the REPL.
/// - The terminal's modes are saved and restored, so a child that dies in raw mode (an
///   editor killed by a signal) does not leave the REPL's terminal unusable.
///
/// The line editor is not involved: it holds the terminal in raw mode only inside
/// ``LineEditor/readLine(prompt:)`` and restores it before returning, so a child always
/// starts on the terminal's ordinary (cooked) modes, and the next prompt sets raw mode anew.
///
/// One handover at a time: signal dispositions belong to the whole process, so a second
/// handover begun during the first would save "ignored" and restore it for good. The REPL
/// never overlaps two, but tests in one process may; ``begin()`` waits its turn.
struct TerminalHandover {
    /// Held from ``begin()`` to ``end()``, on the same thread.
    private static let turn = NSLock()

    /// The signals the REPL ignores while a child runs.
    static let ignoredSignals: [Int32] = [SIGINT, SIGQUIT, SIGPIPE]

    /// The dispositions replaced, in the order of ``ignoredSignals``.
    private var saved: [sigaction]
    /// The terminal's file descriptor and its modes, when standard input is a terminal.
    private var modes: (fd: Int32, attributes: termios)?

    /// Saves the terminal's modes and ignores ``ignoredSignals``; call ``end()`` once the
    /// child has been waited for.
    static func begin() -> TerminalHandover {
        turn.lock()
        var modes: (fd: Int32, attributes: termios)?
        var attributes = termios()
        if isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &attributes) == 0 {
            modes = (STDIN_FILENO, attributes)
        }
        var saved: [sigaction] = []
        for number in ignoredSignals {
            var previous = sigaction()
            sigaction(number, nil, &previous)
            saved.append(previous)
            // SIG_IGN needs no flags or mask, so `signal` is enough to set it; the full
            // previous action is what `end()` puts back.
            _ = signal(number, SIG_IGN)
        }
        return TerminalHandover(saved: saved, modes: modes)
    }

    /// Restores the terminal's modes (only from the foreground, where doing so cannot stop
    /// the REPL with SIGTTOU), then the signal dispositions.
    func end() {
        if var modes, tcgetpgrp(modes.fd) == getpgrp() {
            _ = tcsetattr(modes.fd, TCSANOW, &modes.attributes)
        }
        for (number, action) in zip(Self.ignoredSignals, saved) {
            var action = action
            sigaction(number, &action, nil)
        }
        Self.turn.unlock()
    }
}
