import BuiltinCourse
import Foundation
import LabKit
import Testing
@testable import LabCLI

/// The course built into kdslab is the repository's `course.json`, `content/` and `labs/`,
/// file for file, and it is a complete, loadable course pack.
@Suite("The built-in course")
struct BuiltinCourseTests {
    /// Every file the EmbedCourse plugin should have embedded, read from the repository.
    static func filesOnDisk() throws -> [String: [UInt8]] {
        let root = ReplHarness.repository
        var out: [String: [UInt8]] = [:]
        out["course.json"] = try [UInt8](Data(contentsOf: root.appendingPathComponent("course.json")))
        for folder in ["content", "labs"] {
            let base = root.appendingPathComponent(folder)
            let walker = try #require(FileManager.default.enumerator(atPath: base.path))
            for case let relative as String in walker {
                // Names starting with `.` (and what is inside such folders) are not embedded.
                guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                var isDirectory: ObjCBool = false
                let url = base.appendingPathComponent(relative)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                out["\(folder)/\(relative)"] = try [UInt8](Data(contentsOf: url))
            }
        }
        return out
    }

    @Test("holds exactly the files of course.json, content/ and labs/, byte for byte")
    func matchesTheFolders() throws {
        let disk = try Self.filesOnDisk()
        let built = Dictionary(BuiltinCourse.files.map { ($0.path, $0.contents.bytes) }, uniquingKeysWith: { a, _ in a })
        let stale = "the built-in course is generated from the folders at build time by the EmbedCourse plugin "
            + "(Plugins/EmbedCourse); `swift build` regenerates it, so a difference means the plugin missed a change"
        #expect(Set(built.keys).subtracting(disk.keys).sorted() == [], "embedded but not in the folders; \(stale)")
        #expect(Set(disk.keys).subtracting(built.keys).sorted() == [], "in the folders but not embedded; \(stale)")
        let differing = disk.keys.filter { built[$0] != nil && built[$0] != disk[$0] }.sorted()
        #expect(differing == [], "different bytes; \(stale)")
        #expect(BuiltinCourse.files.map(\.path) == BuiltinCourse.files.map(\.path).sorted(), "in path order")
    }

    @Test("its course.json reads cleanly and keeps the id whose progress stays where it always was")
    func manifestAndProgressID() throws {
        let text = try #require(String(validating: BuiltinCourse.contents(at: "course.json")?.bytes ?? [], as: UTF8.self))
        let (manifest, problems) = CourseManifest.read(text)
        #expect(problems.isEmpty)
        // Changing the id would move every existing learner's progress out of sight.
        #expect(manifest?.id == ProgressLocation.originalCourseID)
        #expect(SemanticVersion(KdslabCommand.version) != nil, "kdslab's version must read as a version")
        #expect(manifest?.refusal(running: KdslabCommand.semanticVersion) == nil, "this kdslab must run its own course")
    }

    @Test("loads from the binary with every lesson and lab of the folders, and no warnings")
    func loadsWhole() throws {
        let course = try CourseLoader(io: TestIO()).load(.builtIn)
        #expect(course.warnings == [])
        let labFolders = try FileManager.default.contentsOfDirectory(atPath: ReplHarness.repository.appendingPathComponent("labs").path)
            .filter { !$0.hasPrefix(".") }
        let lessonFiles = try FileManager.default.contentsOfDirectory(atPath: ReplHarness.repository.appendingPathComponent("content").path)
            .filter { $0.hasSuffix(".md") }
        #expect(course.labs.count == labFolders.count && course.lessons.lessons.count == lessonFiles.count)
        #expect(course.manifest?.id == "kinesis-security")
        // The same course, read from the repository's folders, in the same order.
        let onDisk = try CourseLoader(io: SystemIO()).load(CourseLocation(labs: ReplHarness.repository.path + "/labs",
                                                                          content: ReplHarness.repository.path + "/content",
                                                                          root: ReplHarness.repository.path))
        #expect(course.labIDs == onDisk.labIDs)
        #expect(course.lessons.lessons.map(\.id) == onDisk.lessons.lessons.map(\.id))
    }

    @Test("its files read like a read-only folder named (built-in)")
    func mount() throws {
        let io = TestIO()
        #expect(io.listCourseDirectory("(built-in)")?.map(\.name) == ["content", "course.json", "labs"])
        #expect(io.listCourseDirectory("(built-in)/labs/producer-only")?.contains(DirectoryEntry(name: "mutants", isDirectory: true)) == true)
        #expect(throws: ReadFailure.missing) { try io.readCourseFile("(built-in)/labs/nope.json", limit: 100) }
        #expect(throws: ReadFailure("Is a directory")) { try io.readCourseFile("(built-in)/labs", limit: 100) }
        #expect(throws: ReadFailure.tooLarge(limit: 10)) { try io.readCourseFile("(built-in)/course.json", limit: 10) }
        #expect(io.listCourseDirectory("(built-in)/nope") == nil)
    }

    @Test("`--version` names the course in use, its version and how it was chosen")
    func version() {
        let io = TestIO()
        #expect(io.run(["--version"]) == 0)
        #expect(io.output == "kdslab \(KdslabCommand.version)\n"
                + "course: Amazon Kinesis Data Streams security (kinesis-security 1.0.0), built into kdslab\n")
        let pack = TestIO(files: ["/p/course.json": #"{"formatVersion": 1, "id": "mine", "title": "Mine", "version": "0.3.1"}"#,
                                  "/p/labs/a/lab.json": "{}"])
        #expect(pack.run(["progress", "--version", "--course", "/p"]) == 0)
        #expect(pack.output.hasSuffix("course: Mine (mine 0.3.1) in /p, from --course\n"))
    }

    @Test("lab new refuses to write into the built-in course")
    func readOnly() {
        let io = TestIO()
        #expect(io.run(["lab", "new", "demo"]) == 2)
        #expect(io.error.contains("the course built into kdslab cannot be changed"))
    }
}
