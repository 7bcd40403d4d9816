@testable import LabCLI

/// The real file system with a made-up environment.
final class EnvironmentIO: CommandIO {
    private let system = SystemIO()
    private let variables: [String: String]

    init(_ variables: [String: String]) {
        self.variables = variables
    }

    func writeOutput(_ text: String) {}
    func writeError(_ text: String) {}
    func readFile(_ path: String, limit: Int) throws(ReadFailure) -> [UInt8] { try system.readFile(path, limit: limit) }
    func readStandardInput(limit: Int) throws(ReadFailure) -> [UInt8] { [] }
    func environment(_ name: String) -> String? { variables[name] }
    var outputIsTerminal: Bool { false }
    func listDirectory(_ path: String) -> [DirectoryEntry]? { system.listDirectory(path) }
}
