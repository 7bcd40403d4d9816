#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A program the REPL hands its terminal to (the pager, the learner's editor), started the
/// way a job-control shell starts a foreground command, and waited for.
///
/// Foundation's `Process` is not used: on Linux it puts every child in a process group of
/// its own, which is a background job on the learner's terminal, so `less` or `vi` stops on
/// its first read of the keyboard (SIGTTIN) and the screen freezes. A ``TerminalChild``
/// instead
/// - stays in the REPL's process group, the terminal's foreground group;
/// - starts with no signals blocked and the usual signals at their default actions, so
///   Ctrl-C, Ctrl-Z and a closed pipe mean to it what they mean to any program;
/// - takes its standard input from ``run(input:)``'s text through a pipe, or shares the
///   REPL's standard streams.
///
/// While it runs, the REPL ignores SIGINT and SIGQUIT (the child handles the keys itself)
/// and SIGPIPE (the child may stop reading early); see ``TerminalHandover``.
struct TerminalChild {
    /// How a run ended.
    enum Outcome: Equatable {
        /// The program could not be started; the `errno` value says why.
        case notStarted(errno: Int32)
        /// The program exited with this status.
        case exited(Int32)
        /// The program was killed by this signal.
        case signalled(Int32)

        /// The status a shell would report: the exit status, or 128 plus the signal.
        var shellStatus: Int32? {
            switch self {
            case .notStarted: nil
            case .exited(let status): status
            case .signalled(let signal): 128 + signal
            }
        }
    }

    /// The program's absolute path (no `PATH` search).
    var executable: String
    /// The program's arguments, its name first.
    var arguments: [String]
    /// Variables added to, or replacing, the REPL's environment.
    var addedEnvironment: [String: String] = [:]

    /// `/bin/sh -c command kdslab arguments…`: inside `command`, `"$1"` is the first of
    /// `arguments`, so a file name needs no quoting.
    static func shell(_ command: String, arguments: [String] = [],
                      addedEnvironment: [String: String] = [:]) -> TerminalChild {
        TerminalChild(executable: "/bin/sh", arguments: ["sh", "-c", command, "kdslab"] + arguments,
                      addedEnvironment: addedEnvironment)
    }

    /// Runs the program on the terminal and waits for it. With `input`, the program reads
    /// that text on its standard input (and a program that quits before reading it all is
    /// no error); without, it shares the REPL's standard input.
    func run(input: String? = nil) -> Outcome {
        let handover = TerminalHandover.begin()
        defer { handover.end() }

        var inputPipe: (read: Int32, write: Int32)?
        if input != nil {
            guard let fds = Self.closeOnExecPipe() else { return .notStarted(errno: errno) }
            inputPipe = fds
        }
        let spawned = spawn(standardInput: inputPipe?.read)
        if let inputPipe { close(inputPipe.read) }
        let pid: pid_t
        switch spawned {
        case .success(let started):
            pid = started
        case .failure(let failure):
            if let inputPipe { close(inputPipe.write) }
            return .notStarted(errno: failure.code)
        }
        if let inputPipe, let input {
            Self.writeAll(Array(input.utf8), to: inputPipe.write)
            close(inputPipe.write)
        }
        return Self.wait(for: pid)
    }

    /// A pipe whose two ends are closed on `exec`, so the program holds only the copy put
    /// on its standard input (else it would never see the end of its input).
    private static func closeOnExecPipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Writes until done or until the reader has gone (EPIPE, with SIGPIPE ignored).
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            done += count
        }
    }

    /// `waitpid`, retried when a signal interrupts it.
    private static func wait(for pid: pid_t) -> Outcome {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .notStarted(errno: errno) }
        }
        // WIFEXITED and friends are macros Swift does not import; the layout is the same on
        // Linux and Darwin: the low 7 bits hold the signal, 0 for a normal exit.
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }
}
