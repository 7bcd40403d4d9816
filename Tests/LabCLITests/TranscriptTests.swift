import Foundation
import Testing
@testable import LabCLI

/// Runs every transcript under `Fixtures/transcripts/` in-process and compares the output.
///
/// A transcript is a folder holding:
/// - `args.txt`: the arguments after `kdslab`, one per line;
/// - optional `stdin.txt` (served as standard input) and `env.txt` (`NAME=VALUE` lines);
/// - the input files the command reads, served by their names relative to the folder;
/// - `expected-stdout.txt`, `expected-stderr.txt`, `expected-exit.txt`.
///
/// To re-record after an intended change in output, run
/// `KDSLAB_RECORD=1 swift test --filter TranscriptTests` and review the diff before committing:
/// the expected files are rewritten in the source tree from what the commands print now.
@Suite("Transcripts")
struct TranscriptTests {
    static let special: Set<String> = [
        "args.txt", "stdin.txt", "env.txt", "expected-stdout.txt", "expected-stderr.txt", "expected-exit.txt",
    ]

    /// The transcripts in the test bundle.
    static var folder: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures/transcripts")
    }

    /// The same folder in the source tree (where recording writes).
    static var sourceFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/transcripts")
    }

    static var names: [String] {
        guard let folder else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("there are transcripts to run")
    func transcriptsExist() {
        #expect(Self.names.count >= 20)
    }

    @Test("transcript", arguments: names)
    func transcript(_ name: String) throws {
        let dir = try #require(Self.folder).appendingPathComponent(name)
        func text(_ file: String) -> String? {
            try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
        }
        let args = try #require(text("args.txt"), "\(name) has no args.txt")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.isEmpty }
        var environment: [String: String] = [:]
        for line in (text("env.txt") ?? "").split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { environment[String(parts[0])] = String(parts[1]) }
        }
        var files: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where !Self.special.contains(file) {
            files[file] = text(file)
        }
        let io = TestIO(files: files, standardInput: text("stdin.txt"), environment: environment)
        let status = io.run(args)

        if ProcessInfo.processInfo.environment["KDSLAB_RECORD"] == "1" {
            let out = Self.sourceFolder.appendingPathComponent(name)
            try io.output.write(to: out.appendingPathComponent("expected-stdout.txt"), atomically: true, encoding: .utf8)
            try io.error.write(to: out.appendingPathComponent("expected-stderr.txt"), atomically: true, encoding: .utf8)
            try "\(status)\n".write(to: out.appendingPathComponent("expected-exit.txt"), atomically: true, encoding: .utf8)
            return
        }
        #expect(io.output == text("expected-stdout.txt") ?? "", "stdout of \(name)")
        #expect(io.error == text("expected-stderr.txt") ?? "", "stderr of \(name)")
        #expect("\(status)" == text("expected-exit.txt")?.trimmingCharacters(in: .whitespacesAndNewlines), "exit status of \(name)")
    }
}
