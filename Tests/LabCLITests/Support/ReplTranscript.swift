import Foundation
import Testing
@testable import LabCLI

/// Recorded REPL transcripts under `Fixtures/repl/`: a piped script's whole output, compared
/// with the file, or written afresh with `KDSLAB_RECORD=1` (then review the diff).
enum ReplTranscript {
    /// The transcripts in the bundle.
    static var folder: URL? { Bundle.module.resourceURL?.appendingPathComponent("Fixtures/repl") }

    /// The same folder in the source tree, where `KDSLAB_RECORD=1` writes.
    static var sourceFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/repl")
    }

    /// Runs `script` piped at `columns` and compares everything the REPL wrote (the state
    /// folder written `$KDSLAB_HOME`, the exit status last) with `Fixtures/repl/NAME.txt`.
    /// With `fitting`, every line must also fit `columns`, except those inside `verbatim`
    /// (JSON, printed as it is to be copied). `home` names the state folder (its length must
    /// not vary: the path is printed and wrapped with the rest).
    static func compare(_ name: String, script: String, columns: Int, home: String,
                        fitting: Bool = false, verbatim: String = "") throws {
        let harness = try ReplHarness(home: "/tmp/kdslab-\(home)-" + UUID().uuidString.prefix(8).lowercased())
        defer { try? FileManager.default.removeItem(atPath: harness.home) }
        let (io, status) = harness.run(script, columns: columns)
        let transcript = "$ kdslab <<'EOF'\n" + script + "EOF\n"
            + io.output.replacingOccurrences(of: harness.home, with: "$KDSLAB_HOME") + "[exit \(status)]\n"
        if ProcessInfo.processInfo.environment["KDSLAB_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: sourceFolder, withIntermediateDirectories: true)
            try transcript.write(to: sourceFolder.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
            return
        }
        let file = try #require(folder).appendingPathComponent(name + ".txt")
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(transcript == expected, "the transcript \(name) changed; re-record with KDSLAB_RECORD=1 and review the diff")
        guard fitting else { return }
        for line in io.output.replacingOccurrences(of: verbatim, with: "").components(separatedBy: "\n") {
            #expect(DisplayWidth.of(text: line) <= columns, "wider than \(columns): \(line)")
        }
    }
}
