#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the program a shell command would start can be found, checked before the shell
/// runs it, so a misspelt `EDITOR` gets one line from kdslab rather than the shell's
/// "not found" and then ours (as git does for a simple editor command).
///
/// Only simple commands are checked: words without quotes or shell syntax, such as
/// `vim` or `code --wait`. Anything else (`FOO=1 vim`, `"$HOME/bin/ed"`) is left to the shell.
enum ProgramLookup {
    /// The program a simple command starts (its first word), or `nil` when the command is
    /// not simple enough to tell without a shell.
    static func program(of command: String) -> String? {
        let shellSyntax = Set("\"'\\$`|&;<>()*?[]{}~!#=\t\n")
        guard !command.contains(where: shellSyntax.contains),
              let first = command.split(separator: " ").first.map(String.init),
              !shellBuiltins.contains(first) else { return nil }
        return first
    }

    /// Words the shell runs itself (`exec vim` is fine although no `exec` is on `PATH`).
    static let shellBuiltins: Set = [
        ".", ":", "builtin", "cd", "command", "eval", "exec", "exit", "export", "set", "time", "trap", "unset",
    ]

    /// Whether `program` is an executable file: by its path when it has a slash, else in
    /// one of the folders of `searchPath` (`PATH`, an empty entry meaning the current folder).
    static func canFind(_ program: String, searchPath: String?,
                        isExecutable: (String) -> Bool = { access($0, X_OK) == 0 }) -> Bool {
        if program.contains("/") { return isExecutable(program) }
        let folders = (searchPath ?? "/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false)
        return folders.contains { isExecutable(($0.isEmpty ? "." : String($0)) + "/" + program) }
    }

    /// `false` only when `command` is simple and its program cannot be found.
    static func mayRun(_ command: String, searchPath: String?) -> Bool {
        guard let program = program(of: command) else { return true }
        return canFind(program, searchPath: searchPath)
    }
}
