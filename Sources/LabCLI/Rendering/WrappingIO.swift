/// A ``CommandIO`` whose standard output is word-wrapped to a width (see ``TextWrapper``),
/// for commands the REPL runs on the learner's behalf (`progress`, `reset`). Everything
/// else goes to the underlying I/O unchanged.
final class WrappingIO: CommandIO {
    let base: CommandIO
    let wrapper: TextWrapper
    /// Output after the last line break, held until its line is complete.
    private var partial = ""

    init(_ base: CommandIO, width: Int) {
        self.base = base
        wrapper = TextWrapper(width: width)
    }

    /// Writes each complete line wrapped; an unfinished line waits for its end.
    func writeOutput(_ text: String) {
        var lines = (partial + text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        partial = lines.removeLast()
        guard !lines.isEmpty else { return }
        base.writeOutput(lines.flatMap { wrapper.wrapLine($0) }.joined(separator: "\n") + "\n")
    }

    deinit {
        if !partial.isEmpty { base.writeOutput(partial) }
    }

    func writeError(_ text: String) { base.writeError(text) }
    func readFile(_ path: String, limit: Int) throws(ReadFailure) -> [UInt8] { try base.readFile(path, limit: limit) }
    func readStandardInput(limit: Int) throws(ReadFailure) -> [UInt8] { try base.readStandardInput(limit: limit) }
    func environment(_ name: String) -> String? { base.environment(name) }
    var outputIsTerminal: Bool { base.outputIsTerminal }
    func listDirectory(_ path: String) -> [DirectoryEntry]? { base.listDirectory(path) }
    var inputIsTerminal: Bool { base.inputIsTerminal }
    var errorIsTerminal: Bool { base.errorIsTerminal }
    var windowSize: (columns: Int, rows: Int)? { base.windowSize }
    func readInputLine() -> String? { base.readInputLine() }
    var currentDirectory: String? { base.currentDirectory }
    var executablePath: String? { base.executablePath }
    func runEditor(_ editor: String, on path: String) -> Int32? { base.runEditor(editor, on: path) }
    func writeFile(_ path: String, contents: String) throws(WriteFailure) { try base.writeFile(path, contents: contents) }
    func createDirectory(_ path: String) throws(WriteFailure) { try base.createDirectory(path) }
}
