import Foundation
import IAMPolicy
import LabKit
import Testing
@testable import LabCLI

/// Course packs: `course new` makes one that validates, each course keeps its own progress,
/// and the built-in course keeps the progress kdslab kept before packs.
@Suite("Course packs")
struct CoursePackTests {
    /// A tiny pack in memory at `/tiny`, whose one lab has the same id as a built-in lab
    /// (`producer-only`, copied from the repository with the lesson it names).
    static func tinyPack(id: String = "tiny", extra: String = "") -> [String: String] {
        var files: [String: String] = [
            "/tiny/course.json": #"{"formatVersion": 1, "id": "\#(id)", "title": "Tiny", "version": "0.1.0"\#(extra)}"#,
            "/tiny/content/01-least-privilege.md": ReplHarness.courseFile("content/01-least-privilege.md"),
        ]
        for (path, text) in ReplHarness.courseFiles where path.hasPrefix("/course/labs/producer-only/") {
            files["/tiny/labs/producer-only/" + path.dropFirst("/course/labs/producer-only/".count)] = text
        }
        return files
    }

    /// Runs `kdslab` with `arguments` and `script` on standard input over the tiny pack, with
    /// progress in `home`.
    static func run(_ arguments: [String], home: String, script: String? = nil, files: [String: String] = tinyPack()) -> TestIO {
        let io = TestIO(files: files, standardInput: script, environment: ["KDSLAB_HOME": home])
        _ = io.run(arguments)
        return io
    }

    static let passProducerOnly = "start producer-only\npaste\n\(ReplHarness.courseFile("labs/producer-only/solution.json")).\nsubmit\n"

    /// `producer-only`'s status in `progress --output json` for the course the options choose.
    static func producerOnlyStatus(_ options: [String], home: String) throws -> String? {
        let io = run(["progress", "--output", "json"] + options, home: home)
        let document = try JSONReader(limits: .init(maxBytes: 1 << 20, maxDepth: 16)).read(io.output)
        return document["labs"]?.elements?.first { $0["id"]?.stringValue == "producer-only" }?["status"]?.stringValue
    }

    @Test("a second course beside the built-in one never mixes progress with it, even for a lab of the same id")
    func progressDoesNotMix() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        // Passed in the tiny course only.
        let tiny = Self.run(["--course", "/tiny"], home: root.path, script: Self.passProducerOnly)
        #expect(tiny.output.contains("kdslab — Tiny, in your terminal."))
        #expect(tiny.output.contains("Passed! Recorded."), "\(tiny.output)")
        #expect(try Self.producerOnlyStatus(["--course", "/tiny"], home: root.path) == "passed")
        #expect(try Self.producerOnlyStatus(["--course", "built-in"], home: root.path) == "notStarted")
        #expect(try Self.producerOnlyStatus([], home: root.path) == "notStarted", "the built-in course when none is found")
        #expect(FileManager.default.fileExists(atPath: root.path + "/courses/tiny/attempts.log"))
        #expect(!FileManager.default.fileExists(atPath: root.path + "/attempts.log"))

        // A failed attempt in the built-in course stays there.
        let builtIn = Self.run([], home: root.path, script: "start producer-only\nsubmit\n")
        #expect(builtIn.output.contains("not passed yet"), "\(builtIn.output)")
        #expect(try Self.producerOnlyStatus([], home: root.path) == "inProgress")
        #expect(try Self.producerOnlyStatus(["--course", "/tiny"], home: root.path) == "passed")
        // Each course's draft is its own.
        #expect(try FileProgressStore(root: root.path).draft(for: "producer-only") == ReplHarness.courseFile("labs/producer-only/starter.json"))
        #expect(try FileProgressStore(root: root.path + "/courses/tiny").draft(for: "producer-only")
                == ReplHarness.courseFile("labs/producer-only/solution.json"))
    }

    @Test("the built-in course reads progress kept where kdslab kept it before packs; other courses do not")
    func existingProgressStaysVisible() throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        // What kdslab 0.1.0 wrote: the store at the state folder's top.
        let old = FileProgressStore(root: root.path)
        try old.appendAttempt(Attempt(lab: "producer-only", at: UTCTimestamp(secondsSinceEpoch: 1_795_947_300),
                                      score: 11, maxScore: 11, passed: true,
                                      submissionSHA256: String(repeating: "0", count: 64), hintsUsed: 0))
        try old.saveDraft("{\"kept\": true}", for: "producer-only")
        #expect(try Self.producerOnlyStatus([], home: root.path) == "passed")
        #expect(try Self.producerOnlyStatus(["--course", "built-in"], home: root.path) == "passed")
        // A course folder without course.json is not a pack: it shares that progress, as before.
        let bare = Self.tinyPack().filter { $0.key != "/tiny/course.json" }
        let io = Self.run(["progress", "--output", "json", "--labs", "/tiny/labs"], home: root.path, files: bare)
        #expect(io.output.contains(#""status": "passed""#))
        #expect(try Self.producerOnlyStatus(["--course", "/tiny"], home: root.path) == "notStarted")
        // The REPL of the built-in course starts from the old draft.
        let repl = Self.run([], home: root.path, script: "start producer-only\nshow\n")
        #expect(repl.output.contains("\"kept\": true"), "\(repl.output)")
    }

    @Test("course new makes a pack that validates and runs")
    func scaffold() throws {
        let io = TestIO()
        io.directories = ["/work"]
        #expect(io.run(["course", "new", "kinesis-basics", "--in", "/work", "--title", "Kinesis basics"]) == 0, "\(io.error)")
        #expect(io.output.hasPrefix("Created the course `kinesis-basics` in /work/kinesis-basics:\n"))
        let manifest = CourseManifest.read(String(decoding: io.files["/work/kinesis-basics/course.json"] ?? [], as: UTF8.self))
        #expect(manifest.problems.isEmpty)
        #expect(manifest.manifest?.title == "Kinesis basics" && manifest.manifest?.labOrder == ["first-lab"])

        let validate = TestIO(files: [:])
        validate.files = io.files
        #expect(validate.run(["lab", "validate", "--course", "/work/kinesis-basics"]) == 0, "\(validate.output)")
        #expect(validate.output.hasPrefix("course kinesis-basics 0.1.0: ok\n"), "\(validate.output)")
        #expect(validate.output.contains("first-lab: "))
        #expect(validate.output.hasSuffix(": ok\ncourse and 1 lab: 0 errors, 0 warnings\n"), "\(validate.output)")

        // A lab added with `lab new` joins the course's list, so the pack still validates.
        #expect(validate.run(["lab", "new", "second-lab", "--course", "/work/kinesis-basics"]) == 0, "\(validate.error)")
        #expect(validate.output.contains("Added `second-lab` to the end of the course's `labs` in /work/kinesis-basics/course.json"))
        #expect(CourseManifest.read(String(decoding: validate.files["/work/kinesis-basics/course.json"] ?? [], as: UTF8.self))
                .manifest?.labOrder == ["first-lab", "second-lab"])
        let again = TestIO()
        again.files = validate.files
        #expect(again.run(["lab", "validate", "--course", "/work/kinesis-basics"]) == 0, "\(again.output)")
        #expect(again.output.hasSuffix("course and 2 labs: 0 errors, 0 warnings\n"), "\(again.output)")

        #expect(io.run(["course", "new", "kinesis-basics", "--in", "/work"]) == 2)
        #expect(io.error.hasSuffix("'/work/kinesis-basics' already exists; kdslab course new never overwrites (choose another id or folder)\n"))
        #expect(io.run(["course", "new", "Bad_Id"]) == 2)
    }

    @Test("lab validate checks the whole pack: course.json, its lists against the folders, the lessons")
    func validateThePack() throws {
        let io = TestIO(files: Self.tinyPack(extra: #", "labs": ["producer-only", "missing-lab"], "lessons": ["least-privilege"]"#))
        #expect(io.run(["lab", "validate", "--course", "/tiny", "--output", "json"]) == 1)
        let document = try JSONReader(limits: .init(maxBytes: 1 << 20, maxDepth: 16)).read(io.output)
        #expect(document["course"]?["id"]?.stringValue == "tiny")
        #expect(document["course"]?["errors"]?.kind == .number("1"))
        #expect(document["errors"]?.kind == .number("1"))
        #expect(document["course"]?["problems"]?.elements?.first?["message"]?.stringValue
                == "`labs` lists `missing-lab`, which is not a lab in labs/")
        #expect(document["labs"]?.elements?.count == 1)
    }

    @Test("a course.json with errors, or one that needs a newer kdslab, is refused before any progress is touched", arguments: [
        (#"{"formatVersion": 1, "id": "Tiny!", "title": "Tiny", "version": "0.1.0"}"#,
         "kdslab: the course's course.json has errors (`kdslab lab validate` checks the whole course):"),
        (#"{"formatVersion": 1, "id": "tiny", "title": "Tiny", "version": "0.1.0", "requiresKdslab": "99.0"}"#,
         "kdslab: the course `tiny` needs kdslab 99.0 or later; this is kdslab \(KdslabCommand.version) (/tiny/course.json); install a newer kdslab"),
    ])
    func refused(manifest: String, message: String) throws {
        let root = TemporaryRoot()
        defer { root.remove() }
        var files = Self.tinyPack()
        files["/tiny/course.json"] = manifest
        let io = Self.run(["--course", "/tiny"], home: root.path, script: "", files: files)
        #expect(io.error.hasPrefix(message + "\n"), "\(io.error)")
        #expect(!FileManager.default.fileExists(atPath: root.path))
    }
}
