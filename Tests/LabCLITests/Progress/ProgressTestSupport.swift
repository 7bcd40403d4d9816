import Foundation
@testable import LabCLI
import LabKit

/// A fresh temporary directory for one test, removed by `remove()`.
struct TemporaryRoot {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("kdslab-progress-\(UUID().uuidString)").path
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func read(_ name: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path + "/" + name))).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// A store with a clock that ticks a minute per reading from 2026-11-29T10:15:00Z.
    func store(lockTimeout: Double = 10) -> FileProgressStore {
        let ticks = Ticks()
        return FileProgressStore(root: path, lockTimeout: lockTimeout, clock: { ticks.next() })
    }
}

/// A deterministic clock.
final class Ticks: @unchecked Sendable {
    private var seconds: Int64 = 1_795_947_300
    func next() -> UTCTimestamp {
        defer { seconds += 60 }
        return UTCTimestamp(secondsSinceEpoch: seconds)
    }
}

/// A graded attempt for tests.
func attempt(_ lab: String, score: Int, passed: Bool = false, at seconds: Int64 = 1_795_947_300) -> Attempt {
    Attempt(lab: lab, at: UTCTimestamp(secondsSinceEpoch: seconds), score: score, maxScore: 5, passed: passed,
            submissionSHA256: String(repeating: "d", count: 64), hintsUsed: 0)
}
