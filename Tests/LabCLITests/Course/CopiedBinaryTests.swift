import Foundation
import LabKit
import Testing

/// The binary alone is the course: copied into an empty folder and run from there with an
/// empty home and piped input, it passes a lab; and a second course beside it keeps its own
/// progress.
@Suite("A copied kdslab binary", .serialized,
       .enabled(if: FileManager.default.isExecutableFile(atPath: TestPlatform.kdslabBinary), "needs the kdslab binary beside the tests"))
struct CopiedBinaryTests {
    /// An empty folder holding only a copy of the binary (`bin/kdslab`), an empty home and an
    /// empty working folder.
    struct Sandbox {
        let root = ChildProcess.temporaryFolder()
        var binary: String { root + "/bin/kdslab" }
        var home: String { root + "/home" }
        var work: String { root + "/work" }

        init() throws {
            for folder in [root + "/bin", home, work] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try FileManager.default.copyItem(atPath: TestPlatform.kdslabBinary, toPath: binary)
        }

        /// Runs the copy in the working folder with only `HOME` and a minimal `PATH`.
        func run(_ arguments: [String], input: String? = nil, in directory: String? = nil) -> ChildProcess.Result {
            ChildProcess.run(binary, arguments, environment: ["HOME": home, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"],
                             input: input, directory: directory ?? work, timeout: 300)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        /// The status of lab `id` in `progress --output json` with `options`.
        func status(of id: String, _ options: [String] = []) throws -> String? {
            let result = run(["progress", "--output", "json"] + options)
            let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            let labs = object?["labs"] as? [[String: Any]] ?? []
            return labs.first { $0["id"] as? String == id }?["status"] as? String
        }
    }

    static func solution(_ path: String) throws -> String {
        try String(contentsOf: ReplHarness.repository.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("from an empty folder, with an empty HOME and piped input, it runs the built-in course and passes producer-only")
    func passesALabAlone() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let version = box.run(["--version"])
        #expect(version.output.hasSuffix("course: Amazon Kinesis Data Streams security (kinesis-security 1.0.0), built into kdslab\n"),
                "\(version.output)\(version.error)")

        let script = "start producer-only\npaste\n\(try Self.solution("labs/producer-only/solution.json")).\nsubmit\nquit\n"
        let session = box.run([], input: script)
        #expect(session.status == 0, "\(session.error)")
        // Whatever the lab's score out of (the course changes), the grade says passed.
        #expect(session.output.split(separator: "\n").contains { $0.hasPrefix("producer-only: ") && $0.hasSuffix(" — passed") },
                "\(session.output)")
        #expect(session.output.contains("Passed! Recorded."))
        #expect(session.error == "")
        #expect(FileManager.default.fileExists(atPath: box.home + "/.local/state/kdslab/attempts.log"))
        #expect(try box.status(of: "producer-only") == "passed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.work) == [], "nothing written where it ran")
    }

    @Test("a second, tiny course pack beside the built-in one keeps its own progress")
    func secondCourseDoesNotMix() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let made = box.run(["course", "new", "tiny", "--title", "Tiny"])
        #expect(made.status == 0, "\(made.error)")
        let validate = box.run(["lab", "validate", "--course", "tiny"])
        #expect(validate.status == 0, "\(validate.output)\(validate.error)")

        let solution = try String(contentsOfFile: box.work + "/tiny/labs/first-lab/solution.json", encoding: .utf8)
        let tiny = box.run([], input: "start first-lab\npaste\n\(solution).\nsubmit\nquit\n", in: box.work + "/tiny")
        #expect(tiny.output.contains("kdslab — Tiny, in your terminal."), "\(tiny.output)")
        #expect(tiny.output.contains("Passed! Recorded."), "\(tiny.output)\(tiny.error)")

        let builtIn = try Self.solution("labs/producer-only/solution.json")
        _ = box.run([], input: "start producer-only\npaste\n\(builtIn).\nsubmit\nquit\n")

        #expect(try box.status(of: "first-lab", ["--course", "tiny"]) == "passed")
        #expect(try box.status(of: "producer-only", ["--course", "tiny"]) == nil, "the built-in lab is not in the tiny course's progress")
        #expect(try box.status(of: "producer-only") == "passed")
        #expect(try box.status(of: "first-lab") == nil, "the tiny course's lab is not in the built-in course's progress")
        #expect(FileManager.default.fileExists(atPath: box.home + "/.local/state/kdslab/courses/tiny/attempts.log"))
    }
}
