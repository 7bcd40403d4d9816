import Foundation
import Testing
import IAMPolicy
@testable import LabCLI

/// `kdslab lab validate` and `kdslab lab new`, run in-process over files in memory.
@Suite struct LabCommandTests {
    /// The repository's folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The files under the repository's `folder`, keyed by `/course/FOLDER/…`.
    static func course(_ folders: [String]) -> [String: String] {
        var files: [String: String] = [:]
        for folder in folders {
            let root = repository.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(atPath: root.path)
            while let relative = walker?.nextObject() as? String {
                let url = root.appendingPathComponent(relative)
                if let text = try? String(contentsOf: url, encoding: .utf8) { files["/course/\(folder)/\(relative)"] = text }
            }
        }
        return files
    }

    /// An empty course with the repository's lessons.
    static func emptyCourse() -> TestIO {
        let io = TestIO(files: course(["content"]))
        io.directories.insert("/course/labs")
        return io
    }

    @Test func theCoursesOwnLabsValidate() {
        let io = TestIO(files: Self.course(["labs", "content"]))
        let status = io.run(["lab", "validate", "producer-only", "fix-rbe-wildcard", "--labs", "/course/labs"])
        #expect(status == 0, "\(io.output)\(io.error)")
        #expect(io.output.contains("producer-only: 7 checks, "))
        #expect(io.output.hasSuffix("2 labs: 0 errors, 0 warnings\n"), "\(io.output)")
    }

    @Test(arguments: ["identity-policy", "stream-policy", "quiz"])
    func aNewLabValidatesOutOfTheBox(template: String) {
        let io = Self.emptyCourse()
        #expect(io.run(["lab", "new", "demo", "--from", template, "--labs", "/course/labs"]) == 0, "\(io.error)")
        for file in ["lab.json", "prompt.md", "starter.json", "solution.json", "AUTHORING.md"] {
            #expect(io.files["/course/labs/demo/\(file)"] != nil, "no \(file)")
        }
        #expect(io.files.keys.contains { $0.hasPrefix("/course/labs/demo/variants/") })
        #expect(io.files.keys.filter { $0.hasPrefix("/course/labs/demo/mutants/") && $0.hasSuffix(".expect") }.count >= 5)
        #expect(String(decoding: io.files["/course/labs/demo/lab.json"] ?? [], as: UTF8.self).contains("\"id\": \"demo\""))

        let status = io.run(["lab", "validate", "demo", "--labs", "/course/labs"])
        #expect(status == 0, "\(io.output)")
        #expect(io.output.hasSuffix(": ok\n"), "\(io.output)")
    }

    @Test func newRefusesAnExistingLab() {
        let io = Self.emptyCourse()
        #expect(io.run(["lab", "new", "demo", "--labs", "/course/labs"]) == 0)
        io.files["/course/labs/demo/solution.json"] = Array("edited".utf8)
        #expect(io.run(["lab", "new", "demo", "--from", "quiz", "--labs", "/course/labs"]) == 2)
        #expect(io.error.contains("'/course/labs/demo' already exists"))
        #expect(io.files["/course/labs/demo/solution.json"] == Array("edited".utf8))
    }

    @Test(arguments: ["Demo", "demo_lab", "-demo", "demo-", "demo--lab", "de mo", "../demo"])
    func newRefusesABadID(id: String) {
        let io = Self.emptyCourse()
        #expect(io.run(["lab", "new", id, "--labs", "/course/labs"]) == 2)
        #expect(io.files.keys.allSatisfy { !$0.hasPrefix("/course/labs/") })
    }

    @Test func newRefusesAnUnknownTemplate() {
        let io = Self.emptyCourse()
        #expect(io.run(["lab", "new", "demo", "--from", "nope", "--labs", "/course/labs"]) == 2)
        #expect(io.error.contains("templates: identity-policy, stream-policy, quiz"))
    }

    @Test func aBadLabJSONGivesPositionedErrorsAndExit1() {
        let io = Self.emptyCourse()
        #expect(io.run(["lab", "new", "demo", "--labs", "/course/labs"]) == 0)
        var text = String(decoding: io.files["/course/labs/demo/lab.json"] ?? [], as: UTF8.self)
        text = text.replacingOccurrences(of: "  \"difficulty\": 1,\n", with: "  \"difficulty\": 1,\n  \"dificulty\": 2,\n")
        io.files["/course/labs/demo/lab.json"] = Array(text.utf8)
        let status = io.run(["lab", "validate", "/course/labs/demo"])
        #expect(status == 1)
        #expect(io.output.contains("/course/labs/demo/lab.json:7:3: error: "), "\(io.output)")
        #expect(io.output.contains("demo: not loaded: 1 error"), "\(io.output)")
    }

    @Test func jsonOutputCarriesProblemsAndMutations() throws {
        let io = Self.emptyCourse()
        #expect(io.run(["lab", "new", "demo", "--labs", "/course/labs"]) == 0)
        // A starter that passes is an error the JSON must carry.
        io.files["/course/labs/demo/starter.json"] = io.files["/course/labs/demo/solution.json"]
        let before = io.output.count
        #expect(io.run(["lab", "validate", "demo", "--labs", "/course/labs", "--output", "json"]) == 1)
        let json = try JSONReader(limits: .init(maxBytes: 4_000_000)).read(String(io.output.dropFirst(before)))
        let lab = try #require(json["labs"]?.elements?.first)
        #expect(lab["id"]?.stringValue == "demo")
        #expect(lab["passed"]?.kind == .bool(false))
        #expect(lab["problems"]?.elements?.first?["file"]?.stringValue == "starter.json")
        #expect((lab["mutations"]?.elements?.count ?? 0) > 0)
        #expect(lab["mutations"]?.elements?.allSatisfy { $0["killed"]?.kind == .bool(true) } == true)
    }

    @Test func labNeedsASubcommand() {
        let io = Self.emptyCourse()
        #expect(io.run(["lab"]) == 2)
        #expect(io.run(["lab", "frobnicate"]) == 2)
        #expect(io.error.contains("unknown command 'lab frobnicate'"))
        #expect(io.run(["lab", "validate", "no-such-lab", "--labs", "/course/labs"]) == 2)
    }
}
