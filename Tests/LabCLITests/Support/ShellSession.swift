// Linux only: Glibc's spawn attribute types and flags, and /proc.
#if canImport(Glibc)
import Glibc
import Foundation
import Testing

/// An interactive bash with job control on a pseudo-terminal, as a learner's terminal runs
/// it: bash is a session leader whose controlling terminal is the pseudo-terminal, so every
/// command it starts is a job, and only the foreground job may use the terminal.
///
/// Every wait has a deadline, so a program that freezes fails the test instead of hanging it.
final class ShellSession {
    /// The prompt bash shows (set through `PS1`).
    static let prompt = "bash$ "

    let pty: PseudoTerminal
    private let bash: pid_t
    private var output: [UInt8] = []
    /// Where the next ``expect(_:timeout:sourceLocation:)`` starts looking.
    private var mark = 0

    /// Starts `bash --norc --noprofile -i` on a new pseudo-terminal of `columns` by `rows`,
    /// with exactly `environment` (plus `PS1`), and waits for its first prompt.
    init(environment: [String: String], columns: UInt16 = 80, rows: UInt16 = 24) throws {
        pty = try PseudoTerminal(columns: columns, rows: rows, outputProcessing: true)
        var variables = environment
        variables["PS1"] = Self.prompt
        bash = try Self.spawnSessionLeader(["/bin/bash", "--norc", "--noprofile", "-i"],
                                           environment: variables, terminal: pty.terminalPath)
        guard expect(Self.prompt, timeout: 20) else { throw POSIXError(.ETIMEDOUT) }
    }

    deinit {
        // The foreground job first (kdslab and whatever it started), then bash's own group.
        let foreground = tcgetpgrp(pty.controller)
        if foreground > 0, foreground != bash { kill(-foreground, SIGKILL) }
        kill(-bash, SIGKILL)
        var status: Int32 = 0
        while waitpid(bash, &status, 0) < 0, errno == EINTR {}
    }

    /// Sends `text` as typed keys.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { write(pty.controller, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            done += count
        }
    }

    /// Reads until `text` appears after the previous match (then looks on from there), or
    /// records an issue showing the screen's recent output when `timeout` seconds pass.
    @discardableResult
    func expect(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        let wanted = Array(text.utf8)
        while true {
            if let found = Self.find(wanted, in: output, from: mark) {
                mark = found + wanted.count
                return true
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { break }
            readAvailable(waitingMilliseconds: Int32(min(left, 0.5) * 1000))
        }
        Issue.record("no `\(text)` within \(Int(timeout)) s; the terminal showed:\n\(recentOutput)",
                     sourceLocation: sourceLocation)
        return false
    }

    /// Whether `text` appeared after the previous match, reading whatever arrives within
    /// `seconds` first. Does not move the mark.
    func shows(_ text: String, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while deadline.timeIntervalSinceNow > 0 {
            readAvailable(waitingMilliseconds: Int32(deadline.timeIntervalSinceNow * 1000) + 1)
        }
        return Self.find(Array(text.utf8), in: output, from: mark) != nil
    }

    /// How many bytes have arrived so far (an offset for ``text(from:)``).
    var received: Int { output.count }

    /// Everything that arrived from byte `offset` on.
    func text(from offset: Int) -> String {
        String(decoding: output[min(offset, output.count)...], as: UTF8.self)
    }

    /// The last 2000 bytes of output, for failure messages.
    var recentOutput: String {
        String(decoding: output.suffix(2000), as: UTF8.self)
    }

    private func readAvailable(waitingMilliseconds: Int32) {
        var descriptor = pollfd(fd: pty.controller, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, max(waitingMilliseconds, 0)) > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(pty.controller, $0.baseAddress, $0.count) }
        if count > 0 { output += chunk[0..<count] }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }

    /// Spawns `arguments` in a new session (`POSIX_SPAWN_SETSID`) with `terminal` opened as
    /// its standard streams: the first terminal a session leader opens becomes its
    /// controlling terminal. Every other descriptor of the test process is closed in the
    /// child, so no test's pipe stays open in the shell. Linux only.
    private static func spawnSessionLeader(_ arguments: [String], environment: [String: String],
                                           terminal: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        for fd in TestPlatform.openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaulted = sigset_t()
        sigemptyset(&defaulted)
        for number in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGCHLD, SIGTERM, SIGHUP] {
            sigaddset(&defaulted, number)
        }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaulted)
        // POSIX_SPAWN_SETSID is 0x80 in glibc's spawn.h, declared only under _GNU_SOURCE.
        let setsid: Int32 = 0x80
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EINVAL) }
        return pid
    }
}
#endif
