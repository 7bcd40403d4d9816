import Foundation
@testable import LabCLI

/// Runs REPL sessions in-process: the repository's course served from memory under
/// `/course`, progress in a fresh temporary `KDSLAB_HOME`, the script as standard input.
struct ReplHarness {
    /// Where progress is kept for this harness's sessions.
    let home: String

    init() throws {
        try self.init(home: FileManager.default.temporaryDirectory.appendingPathComponent("kdslab-repl-\(UUID().uuidString)").path)
    }

    /// A harness whose state folder is `home` (created).
    init(home: String) throws {
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        self.home = home
    }

    /// The repository's root, from this file's path.
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every file of `labs/` and `content/`, keyed `/course/labs/...` and `/course/content/...`.
    static let courseFiles: [String: String] = {
        var out: [String: String] = [:]
        for folder in ["labs", "content"] {
            let root = repository.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let relative as String in walker {
                let url = root.appendingPathComponent(relative)
                if let text = try? String(contentsOf: url, encoding: .utf8) { out["/course/\(folder)/\(relative)"] = text }
            }
        }
        return out
    }()

    /// A file of the repository's course, e.g. `labs/producer-only/solution.json`.
    static func courseFile(_ path: String) -> String {
        courseFiles["/course/" + path] ?? ""
    }

    /// Runs `kdslab` (the REPL, with `arguments`) on `script`; returns the I/O and the status.
    /// `columns` fakes the terminal's width (through `COLUMNS`); `inputIsTerminal` makes the
    /// REPL ask its questions (the answers come from the script).
    func run(_ script: String, arguments: [String] = ["--labs", "/course/labs", "--content", "/course/content"],
             environment: [String: String] = [:], columns: Int? = nil,
             inputIsTerminal: Bool = false) -> (io: TestIO, status: Int32) {
        var variables = ["KDSLAB_HOME": home].merging(environment) { _, new in new }
        if let columns { variables["COLUMNS"] = String(columns) }
        let io = TestIO(files: Self.courseFiles, standardInput: script, environment: variables)
        io.inputIsTerminal = inputIsTerminal
        let status = io.run(arguments)
        return (io, status)
    }

    /// The progress store of this harness's sessions.
    var store: FileProgressStore { FileProgressStore(root: home) }

    /// The draft file of `lab` in this harness's workspace.
    func draft(_ lab: String) -> String? {
        try? String(contentsOfFile: home + "/workspace/\(lab).json", encoding: .utf8)
    }
}
