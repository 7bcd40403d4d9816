import Foundation
import Testing
@testable import LabCLI
import LabKit

/// Other processes writing progress: killed with SIGKILL mid-write, and two at once.
///
/// The children are this test binary run again with `--filter` selecting
/// ``ProgressChildProcess``, whose test does its work only when `KDSLAB_PROGRESS_CHILD` is set,
/// so it is our store's code that is interrupted.
@Suite(.serialized) struct ProgressCrashTests {
    @Test func killedWritersNeverLeaveUnreadableProgress() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        var generator = SystemRandomNumberGenerator()
        var lastCount = 0
        var kills = 0
        for _ in 0..<12 {
            let startSize = root.read("attempts.log")?.utf8.count ?? 0
            let child = try ChildWriter.start(mode: "loop", root: root.path, count: 0)
            // Wait until the child has written something new, then kill it a moment later.
            let deadline = Date().addingTimeInterval(5)
            while (root.read("attempts.log")?.utf8.count ?? 0) <= startSize && Date() < deadline {
                usleep(1_000)
            }
            usleep(UInt32.random(in: 0..<20_000, using: &generator))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            if child.terminationReason == .uncaughtSignal { kills += 1 }

            // progress.json, when present, always parses; the log's complete lines verify.
            if let text = root.read("progress.json") {
                _ = try ProgressState(jsonText: text)
            }
            let store = root.store()
            let verification = try store.verifyLog()
            #expect(verification.isIntact, "\(verification)")
            let state = try store.load()
            #expect(store.takeWarnings().isEmpty)
            let logged = try store.events().count
            #expect(state["torture"].attempts == logged)
            #expect(logged >= lastCount)
            lastCount = logged
        }
        #expect(kills == 12)
        #expect(lastCount > 0)
        // Whatever the last kill left, the next write repairs it and the log verifies.
        try root.store().appendAttempt(attempt("torture", score: 1))
        #expect(try root.store().verifyLog() == .intact(lines: lastCount + 1))
        #expect(try root.store().load()["torture"].attempts == lastCount + 1)
    }

    @Test func twoSessionsAtOnceLoseNoUpdate() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        let perChild = 25
        let children = try (0..<2).map { _ in try ChildWriter.start(mode: "count", root: root.path, count: perChild) }
        for child in children {
            child.waitUntilExit()
            #expect(child.terminationStatus == 0)
        }
        let store = root.store()
        #expect(try store.verifyLog() == .intact(lines: 2 * perChild))
        #expect(try store.events().count == 2 * perChild)
        let saved = try ProgressState(jsonText: #require(root.read("progress.json")))
        #expect(saved["shared"].attempts == 2 * perChild)
        #expect(saved["shared"].hintsUsed == 0)
        #expect(saved.log.lines == 2 * perChild)
    }
}

/// Starts this test binary again as a child writer.
enum ChildWriter {
    static func start(mode: String, root: String, count: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--testing-library", "swift-testing", "--filter", "ProgressChildProcess"]
        var environment = ProcessInfo.processInfo.environment
        environment["KDSLAB_PROGRESS_CHILD"] = mode
        environment["KDSLAB_PROGRESS_CHILD_ROOT"] = root
        environment["KDSLAB_PROGRESS_CHILD_COUNT"] = String(count)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// The child's side: runs only in a child started by ``ChildWriter``.
@Suite struct ProgressChildProcess {
    static let mode = ProcessInfo.processInfo.environment["KDSLAB_PROGRESS_CHILD"]

    @Test(.enabled(if: mode != nil)) func write() throws {
        let environment = ProcessInfo.processInfo.environment
        let root = try #require(environment["KDSLAB_PROGRESS_CHILD_ROOT"])
        let store = FileProgressStore(root: root)
        switch Self.mode {
        case "loop":
            // Records until killed, with drafts in between, so the kill lands anywhere.
            var n = 0
            while true {
                try store.appendAttempt(attempt("torture", score: n % 6))
                try store.saveDraft(String(repeating: "draft \(n)\n", count: 50), for: "torture")
                n += 1
            }
        default:
            let count = Int(environment["KDSLAB_PROGRESS_CHILD_COUNT"] ?? "") ?? 0
            for n in 0..<count { try store.appendAttempt(attempt("shared", score: n % 6)) }
        }
    }
}
