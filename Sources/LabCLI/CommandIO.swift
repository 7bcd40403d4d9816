/// Everything a command needs from the outside world, so commands run in-process in tests.
///
/// ``SystemIO`` is the real terminal, file system and environment; tests serve files from
/// memory and capture what is written.
public protocol CommandIO: AnyObject {
    /// Writes `text` as it is (no newline added) to standard output.
    func writeOutput(_ text: String)
    /// Writes `text` as it is (no newline added) to standard error.
    func writeError(_ text: String)
    /// The bytes of the file at `path`, at most `limit` of them.
    func readFile(_ path: String, limit: Int) throws(ReadFailure) -> [UInt8]
    /// All of standard input, at most `limit` bytes.
    func readStandardInput(limit: Int) throws(ReadFailure) -> [UInt8]
    /// The value of the environment variable `name`, if set.
    func environment(_ name: String) -> String?
    /// Whether standard output is a terminal.
    var outputIsTerminal: Bool { get }
    /// The entries of the directory at `path` (names only, sorted, without `.` and `..`),
    /// or `nil` when `path` is not a readable directory.
    func listDirectory(_ path: String) -> [DirectoryEntry]?

    // The REPL's needs (defaults in `CommandIO+Defaults.swift` say "not available").

    /// Whether standard input is a terminal.
    var inputIsTerminal: Bool { get }
    /// Whether standard error is a terminal (progress bars go there).
    var errorIsTerminal: Bool { get }
    /// The size of the terminal on standard output in cells, if it is one and says.
    var windowSize: (columns: Int, rows: Int)? { get }
    /// One line of standard input without its line ending, or `nil` at the end of input.
    func readInputLine() -> String?
    /// The current working directory, if known.
    var currentDirectory: String? { get }
    /// The running program's path, if known.
    var executablePath: String? { get }
    /// Runs the shell command `editor` on the file at `path` and waits for it; its exit
    /// status, or `nil` when it could not be started.
    func runEditor(_ editor: String, on path: String) -> Int32?

    // Authoring's needs (`lab new`; defaults say "not available").

    /// Writes `contents` to the file at `path` atomically, replacing any file there.
    func writeFile(_ path: String, contents: String) throws(WriteFailure)
    /// Creates the directory at `path` (its parent must exist); an existing directory is fine.
    func createDirectory(_ path: String) throws(WriteFailure)
}

/// One entry of a directory listing.
public struct DirectoryEntry: Sendable, Equatable {
    /// The entry's name (no path).
    public var name: String
    /// Whether it is a directory (symbolic links are followed).
    public var isDirectory: Bool

    /// Creates an entry.
    public init(name: String, isDirectory: Bool) {
        self.name = name
        self.isDirectory = isDirectory
    }
}

/// Why a file or directory could not be written, in the operating system's words.
public struct WriteFailure: Error, Sendable, Equatable {
    /// The reason, e.g. `Permission denied`.
    public var reason: String

    /// Creates a failure.
    public init(_ reason: String) {
        self.reason = reason
    }
}

/// Why a file or standard input could not be read, in the operating system's words.
public struct ReadFailure: Error, Sendable, Equatable {
    /// The reason, e.g. `No such file or directory`.
    public var reason: String

    /// Creates a failure.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The input is larger than the limit.
    static func tooLarge(limit: Int) -> ReadFailure {
        ReadFailure("larger than the limit of \(limit / 1_048_576) MiB")
    }

    /// Nothing is at the path (the system's words for `ENOENT`).
    static let missing = ReadFailure("No such file or directory")

    /// Whether nothing is at the path (as opposed to something that cannot be read).
    var isMissing: Bool { self == .missing }

    /// The path names a FIFO, a device or a socket: reading one may wait forever or never
    /// end, so it is refused. `kind` is e.g. `a FIFO`.
    static func notRegularFile(_ kind: String) -> ReadFailure {
        ReadFailure("not a regular file (\(kind))")
    }
}

extension CommandIO {
    /// Writes one line to standard output.
    func line(_ text: String = "") {
        writeOutput(text + "\n")
    }

    /// Writes one line to standard error.
    func errorLine(_ text: String) {
        writeError(text + "\n")
    }
}
