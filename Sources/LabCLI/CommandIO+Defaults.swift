/// What a ``CommandIO`` that does not provide the REPL's needs answers: no terminal, no
/// input, no directories, no editor.
extension CommandIO {
    public var inputIsTerminal: Bool { false }
    public func readInputLine() -> String? { nil }
    public func directoryEntries(_ path: String) throws(ReadFailure) -> [String] {
        throw ReadFailure("directories cannot be listed here")
    }
    public func isDirectory(_ path: String) -> Bool { false }
    public var currentDirectory: String? { nil }
    public var executablePath: String? { nil }
    public func runEditor(_ editor: String, on path: String) -> Int32? { nil }
}
