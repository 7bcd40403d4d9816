#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Starting the child with `posix_spawn`.
extension TerminalChild {
    /// An `errno` value from starting the child.
    struct SpawnFailure: Error {
        var code: Int32
    }

    /// Signals the child starts with at their default actions, whatever the REPL does with
    /// them (an ignored signal would stay ignored across `exec`).
    static let defaultedSignals: [Int32] = [
        SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGCHLD, SIGTERM,
        SIGHUP, SIGALRM, SIGWINCH, SIGUSR1, SIGUSR2,
    ]

    /// Spawns the program with `standardInput` (if given) as its file descriptor 0, an empty
    /// signal mask and ``defaultedSignals`` at their defaults, in the REPL's process group.
    func spawn(standardInput: Int32?) -> Result<pid_t, SpawnFailure> {
        // The two attribute types are structs in Glibc and pointers in Darwin's headers.
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        var code = posix_spawn_file_actions_init(&actions)
        guard code == 0 else { return .failure(SpawnFailure(code: code)) }
        defer { posix_spawn_file_actions_destroy(&actions) }
        code = posix_spawnattr_init(&attributes)
        guard code == 0 else { return .failure(SpawnFailure(code: code)) }
        defer { posix_spawnattr_destroy(&attributes) }

        if let standardInput {
            code = posix_spawn_file_actions_adddup2(&actions, standardInput, STDIN_FILENO)
            guard code == 0 else { return .failure(SpawnFailure(code: code)) }
        }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaulted = sigset_t()
        sigemptyset(&defaulted)
        for number in Self.defaultedSignals { sigaddset(&defaulted, number) }
        // INVARIANT: no POSIX_SPAWN_SETPGROUP. The child must stay in the REPL's process
        // group, the terminal's foreground group, or it stops on its first terminal read.
        let flags = Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        for status in [posix_spawnattr_setsigmask(&attributes, &noSignals),
                       posix_spawnattr_setsigdefault(&attributes, &defaulted),
                       posix_spawnattr_setflags(&attributes, flags)] where status != 0 {
            return .failure(SpawnFailure(code: status))
        }

        let environment = ProcessInfo.processInfo.environment.merging(addedEnvironment) { _, added in added }
        var pid = pid_t()
        code = Self.withCStrings(arguments) { argv in
            Self.withCStrings(environment.map { "\($0.key)=\($0.value)" }) { envp in
                posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            }
        }
        return code == 0 ? .success(pid) : .failure(SpawnFailure(code: code))
    }

    /// Calls `body` with `strings` as a C array of C strings ending in a null pointer.
    private static func withCStrings<T>(_ strings: [String],
                                        _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
