import Foundation
@testable import LabCLI

/// The real file system (through ``SystemIO``) with a made-up environment and captured
/// output: for commands run over FIFOs, devices and large files, which memory cannot fake.
final class DiskIO: CommandIO {
    private let system = SystemIO()
    private let variables: [String: String]
    private(set) var output = ""
    private(set) var error = ""

    init(environment: [String: String] = [:]) {
        variables = environment
    }

    func writeOutput(_ text: String) { output += text }
    func writeError(_ text: String) { error += text }
    func readFile(_ path: String, limit: Int) throws(ReadFailure) -> [UInt8] { try system.readFile(path, limit: limit) }
    func readStandardInput(limit: Int) throws(ReadFailure) -> [UInt8] { [] }
    func environment(_ name: String) -> String? { variables[name] }
    var outputIsTerminal: Bool { false }
    func listDirectory(_ path: String) -> [DirectoryEntry]? { system.listDirectory(path) }

    /// Runs `kdslab` with `arguments`; returns the exit status.
    func run(_ arguments: [String]) -> Int32 {
        KdslabCommand.run(arguments: arguments, io: self)
    }
}
