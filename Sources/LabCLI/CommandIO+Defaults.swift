/// What a ``CommandIO`` that does not provide the REPL's needs answers: no terminal, no
/// input, no directories, no editor.
extension CommandIO {
    public var inputIsTerminal: Bool { false }
    public var errorIsTerminal: Bool { false }
    public var windowSize: (columns: Int, rows: Int)? { nil }
    public func readInputLine() -> String? { nil }
    public var currentDirectory: String? { nil }
    public var executablePath: String? { nil }
    public func runEditor(_ editor: String, on path: String) -> Int32? { nil }
    public func writeFile(_ path: String, contents: String) throws(WriteFailure) {
        throw WriteFailure("writing files is not available here")
    }
    public func createDirectory(_ path: String) throws(WriteFailure) {
        throw WriteFailure("creating directories is not available here")
    }
}

extension CommandIO {
    /// Whether `path` is a readable directory.
    func isDirectory(_ path: String) -> Bool {
        listDirectory(path) != nil
    }
}
