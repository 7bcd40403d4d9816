/// Why a command stopped early: the lines to print on standard error and the exit status.
struct CommandFailure: Error, Equatable {
    /// Lines for standard error; the first is the one-line reason.
    var lines: [String]
    /// The exit status (2 for bad usage or unreadable input).
    var status: Int32

    /// Creates a failure.
    init(lines: [String], status: Int32 = 2) {
        self.lines = lines
        self.status = status
    }

    /// A one-line failure prefixed with `kdslab: `, exit status 2.
    static func usage(_ reason: String) -> CommandFailure {
        CommandFailure(lines: ["kdslab: " + reason])
    }

    /// A bad-usage failure that points at the command's help.
    static func usage(_ reason: String, command: String) -> CommandFailure {
        usage("\(reason) (see '\((["kdslab"] + (command.isEmpty ? [] : [command])).joined(separator: " ")) --help')")
    }
}
