import Foundation
import Testing
@testable import LabCLI

@Suite("REPL parts")
struct ReplPartsTests {
    @Test("Tab completes commands, lab ids after start and reset, lessons after read")
    func completion() {
        let completer = ReplCompleter(labs: ["producer-only", "fix-rbe-wildcard"], lessons: ["least-privilege"])
        #expect(completer.candidates("st", cursor: 2) == ["start"])
        #expect(completer.candidates("s", cursor: 1) == ["start", "show", "submit", "solution"])
        #expect(completer.candidates("start p", cursor: 7) == ["producer-only"])
        #expect(completer.candidates("reset ", cursor: 6) == ["producer-only", "fix-rbe-wildcard"])
        #expect(completer.candidates("read ", cursor: 5) == ["1", "least-privilege"])
        #expect(completer.candidates("solution -", cursor: 10) == ["--give-up"])
        #expect(completer.candidates("check ", cursor: 6) == [])
    }

    @Test("watch re-grades on the first sighting and on every change, and notes a missing file once")
    func draftWatch() {
        var watch = DraftWatch()
        let a = DraftWatch.Stamp(seconds: 1, nanoseconds: 0, size: 10)
        let b = DraftWatch.Stamp(seconds: 1, nanoseconds: 5, size: 10)
        let actions = [a, a, b, nil, nil, b].map { watch.observe($0) }
        #expect(actions == [.grade, .wait, .grade, .missing, .wait, .grade])
    }

    @Test("the course is found by walking up from the working directory, else it is the built-in one")
    func locator() throws {
        let io = TestIO(files: ["/repo/labs/x/lab.json": "{}", "/repo/content/01-a.md": "# A"])
        io.currentDirectory = "/repo/Sources/LabCLI"
        #expect(try CourseLocator().locate(io: io) == CourseLocation(labs: "/repo/labs", content: "/repo/content", origin: .foundAbove))
        let flagged = try CourseLocator(labsFlag: "/repo/labs").locate(io: io)
        #expect(flagged == CourseLocation(labs: "/repo/labs", content: "/repo/content", origin: .labsOption))
        io.currentDirectory = "/elsewhere/deep"
        #expect(try CourseLocator().locate(io: io) == .builtIn)
        let env = TestIO(files: ["/c/labs/x/lab.json": "{}"], environment: ["KDSLAB_LABS": "/c/labs"])
        #expect(try CourseLocator().locate(io: env) == CourseLocation(labs: "/c/labs", content: nil, origin: .labsEnvironment))
    }

    @Test("a broken lab is skipped with a positioned warning; the others load")
    func brokenLab() throws {
        var files = ReplHarness.courseFiles
        files["/course/labs/broken/lab.json"] = "{\n  \"formatVersion\": 1,\n  \"id\": 3\n}"
        let io = TestIO(files: files)
        let course = try CourseLoader(io: io).load(CourseLocation(labs: "/course/labs", content: "/course/content"))
        #expect(course.labIDs.contains("producer-only") && course.labIDs.contains("fix-rbe-wildcard"))
        #expect(!course.labIDs.contains("broken"))
        #expect(course.warnings.contains { $0.hasPrefix("/course/labs/broken/lab.json:3:") })
        #expect(course.warnings.contains("/course/labs/broken: skipped: the lab has errors"))
    }

    @Test("watch grades the draft once per change and starts it from the starter")
    func watchOnce() throws {
        let harness = try ReplHarness()
        let io = TestIO(files: ReplHarness.courseFiles, environment: ["KDSLAB_HOME": harness.home])
        let status = try WatchCommand(io: io, maxPolls: 1).run(["producer-only", "--labs", "/course/labs"])
        #expect(status == 0)
        #expect(io.output.contains("producer-only: 3/11 — not passed yet"))
        #expect(harness.draft("producer-only") == ReplHarness.courseFile("labs/producer-only/starter.json"))
        #expect(throws: CommandFailure.self) { try WatchCommand(io: io, maxPolls: 1).run(["producr-only", "--labs", "/course/labs"]) }
    }
}
