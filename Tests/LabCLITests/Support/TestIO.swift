@testable import LabCLI

/// In-memory I/O: files served from a dictionary, output captured, environment given.
final class TestIO: CommandIO {
    var files: [String: [UInt8]]
    var standardInput: [UInt8]?
    var variables: [String: String]
    var outputIsTerminal: Bool
    /// Whether standard input is a terminal (the REPL then asks before giving up, and
    /// offers to fix pasted typographic quotes).
    var inputIsTerminal = false
    /// The terminal's size, when standard output is one.
    var windowSize: (columns: Int, rows: Int)?
    private(set) var output = ""
    private(set) var error = ""

    init(files: [String: String] = [:], standardInput: String? = nil,
         environment: [String: String] = [:], terminal: Bool = false) {
        self.files = files.mapValues { Array($0.utf8) }
        self.standardInput = standardInput.map { Array($0.utf8) }
        self.variables = environment
        self.outputIsTerminal = terminal
    }

    func writeOutput(_ text: String) { output += text }
    func writeError(_ text: String) { error += text }

    func readFile(_ path: String, limit: Int) throws(ReadFailure) -> [UInt8] {
        guard let bytes = files[path] else { throw ReadFailure("No such file or directory") }
        guard bytes.count <= limit else { throw ReadFailure.tooLarge(limit: limit) }
        return bytes
    }

    func readStandardInput(limit: Int) throws(ReadFailure) -> [UInt8] {
        guard let standardInput else { throw ReadFailure("standard input is closed") }
        return standardInput
    }

    func environment(_ name: String) -> String? { variables[name] }

    /// Lines of `standardInput` not yet read by ``readInputLine()``.
    private var inputLinesRead = 0

    /// The next line of `standardInput`, for the REPL's piped mode.
    func readInputLine() -> String? {
        guard let standardInput else { return nil }
        var lines = String(decoding: standardInput, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard inputLinesRead < lines.count else { return nil }
        inputLinesRead += 1
        return String(lines[inputLinesRead - 1])
    }

    /// The working directory the REPL starts from (none by default).
    var currentDirectory: String?

    /// What `edit` does instead of starting an editor: given the editor and the path.
    var editor: ((String, String) -> Int32)?

    func runEditor(_ editor: String, on path: String) -> Int32? {
        self.editor?(editor, path)
    }

    /// Directories made by ``createDirectory(_:)`` (others are implied by `files`).
    var directories: Set<String> = []

    func writeFile(_ path: String, contents: String) throws(WriteFailure) {
        files[path] = Array(contents.utf8)
    }

    func createDirectory(_ path: String) throws(WriteFailure) {
        directories.insert(path)
    }

    /// Directories are implied by the paths of `files`, or made by ``createDirectory(_:)``.
    func listDirectory(_ path: String) -> [DirectoryEntry]? {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        var entries: [String: Bool] = [:]
        for dir in directories where dir.hasPrefix(prefix) && !dir.dropFirst(prefix.count).contains("/") {
            entries[String(dir.dropFirst(prefix.count))] = true
        }
        for key in files.keys where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                entries[String(rest[..<slash])] = true
            } else {
                entries[String(rest)] = entries[String(rest)] ?? false
            }
        }
        guard !entries.isEmpty || directories.contains(path) else { return nil }
        return entries.map { DirectoryEntry(name: $0.key, isDirectory: $0.value) }.sorted { $0.name < $1.name }
    }

    /// Runs `kdslab` with `arguments`; returns the exit status.
    func run(_ arguments: [String]) -> Int32 {
        KdslabCommand.run(arguments: arguments, io: self)
    }
}
