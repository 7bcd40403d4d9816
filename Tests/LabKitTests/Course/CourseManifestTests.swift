import Foundation
import Testing
import LabKit

/// `course.json`: read with every problem at its position, versions compared number by
/// number, the lesson and lab lists checked against the folders and setting the order.
@Suite struct CourseManifestTests {
    static let full = """
        {
          "formatVersion": 1,
          "id": "kinesis-basics",
          "title": "Kinesis basics",
          "version": "1.2.0",
          "requiresKdslab": "0.2",
          "lessons": ["intro", "deny"],
          "labs": ["second", "first"]
        }
        """

    @Test func aFullManifestReads() throws {
        let (manifest, problems) = CourseManifest.read(Self.full)
        #expect(problems.isEmpty)
        let m = try #require(manifest)
        #expect(m.id == "kinesis-basics" && m.title == "Kinesis basics" && m.version == SemanticVersion("1.2.0"))
        #expect(m.requiresKdslab == SemanticVersion("0.2.0"))
        #expect(m.lessonOrder == ["intro", "deny"] && m.labOrder == ["second", "first"])
    }

    /// The text with `⟦` where the problem is reported, the message it must contain.
    @Test("each problem is an error at the value or key it is about", arguments: [
        (#"{"formatVersion": 1, "id": ⟦"Kinesis Basics", "title": "t", "version": "1.0.0"}"#, "is not a course id"),
        (#"{"formatVersion": 1, "id": "a", "title": "t", "version": ⟦"one"}"#, "must be a version such as 1.0.0"),
        (#"{"formatVersion": 1, "id": "a", "title": "t", "version": "1", "requiresKdslab": ⟦"1.x"}"#, "`requiresKdslab` must be a version"),
        (#"{"formatVersion": ⟦2, "id": "a", "title": "t", "version": "1"}"#, "formatVersion 2 is not supported"),
        (#"{"formatVersion": 1, "id": "a", "title": "t", "version": "1", ⟦"lab": []}"#, "unknown key `lab`"),
        (#"{"formatVersion": 1, "id": "a", "title": "t", "version": "1", "labs": ["x", ⟦"x"]}"#, "`x` is listed twice in `labs`"),
        (#"{"formatVersion": 1, "id": "a", "title": "t", "version": "1", "labs": ⟦"x"}"#, "`labs` must be an array of ids"),
        (#"⟦{"formatVersion": 1, "id": "a", "version": "1"}"#, "course.json is missing `title`"),
        (#"{"formatVersion": 1, ⟦]"#, "course.json"),
    ])
    func problemsArePositioned(marked: String, message: String) throws {
        let start = try #require(marked.firstIndex(of: "⟦"))
        let column = marked.distance(from: marked.startIndex, to: start) + 1
        let (manifest, problems) = CourseManifest.read(marked.replacingOccurrences(of: "⟦", with: ""))
        #expect(manifest == nil)
        let problem = try #require(problems.first { $0.severity == .error })
        #expect(problem.file == "course.json")
        #expect(problem.line == 1 && problem.column == column, "\(problem)")
        #expect(problem.description.contains(message) || message == "course.json", "\(problem)")
    }

    @Test func aMissingFormatVersionIsAWarningOnly() {
        let (manifest, problems) = CourseManifest.read(#"{"id": "a", "title": "t", "version": "1.0"}"#)
        #expect(manifest?.id == "a")
        #expect(problems.map(\.severity) == [.warning])
    }

    @Test("versions compare number by number; a missing number is 0", arguments: [
        ("0.10.0", "0.9.2", true), ("1.0", "1.0.0", false), ("1", "0.99.99", true), ("0.2.0", "0.2.1", false),
    ])
    func versions(a: String, b: String, aIsLater: Bool) throws {
        let x = try #require(SemanticVersion(a)), y = try #require(SemanticVersion(b))
        #expect((y < x) == aIsLater)
    }

    @Test("what is not a version", arguments: ["", "1.", ".1", "1.2.3.4", "v1", "1.-2", "1.2 "])
    func notVersions(text: String) {
        #expect(SemanticVersion(text) == nil)
    }

    @Test func aCourseNeedingANewerKdslabIsRefusedWithBothVersions() throws {
        let m = try #require(CourseManifest.read(Self.full).manifest)
        #expect(m.refusal(running: SemanticVersion("0.1.9")!) == "the course `kinesis-basics` needs kdslab 0.2 or later; this is kdslab 0.1.9")
        #expect(m.refusal(running: SemanticVersion("0.2.0")!) == nil)
    }

    @Test func listsAreCheckedAgainstTheFoldersBothWays() throws {
        let m = try #require(CourseManifest.read(Self.full).manifest)
        let problems = m.contentProblems(labIDs: ["first", "third"], lessonIDs: ["intro", "deny"]).map(\.message)
        #expect(problems == [
            "`labs` lists `second`, which is not a lab in labs/",
            "the lab `third` in labs/ is not in `labs`; add it where it belongs in the course",
        ])
        let unlisted = CourseManifest(id: "a", title: "t", version: SemanticVersion("1")!)
        #expect(unlisted.contentProblems(labIDs: ["x"], lessonIDs: ["y"]).isEmpty)
    }

    @Test func theListsSetTheOrderAndTheOthersFollowAsTheyCame() throws {
        let m = try #require(CourseManifest.read(Self.full).manifest)
        #expect(m.orderingLabs(["first", "extra", "second", "another"], id: { $0 }) == ["second", "first", "extra", "another"])
        let catalog = LessonCatalog(files: [("01-deny.md", "# Deny\n"), ("02-intro.md", "# Intro\n"), ("03-more.md", "# More\n")])
        #expect(catalog.ordered(by: m).lessons.map(\.id) == ["intro", "deny", "more"])
    }
}

/// `lab new` adds the new lab to a course that lists its labs, touching nothing else.
@Suite struct CourseManifestEditingTests {
    @Test("the id goes at the end of `labs`, the layout stays", arguments: [
        ("{\n  \"id\": \"c\",\n  \"labs\": [\"a\", \"b\"],\n  \"x\": 1\n}", "{\n  \"id\": \"c\",\n  \"labs\": [\"a\", \"b\", \"new-lab\"],\n  \"x\": 1\n}"),
        ("{\"labs\": [\n    \"a\"\n  ]}", "{\"labs\": [\n    \"a\", \"new-lab\"\n  ]}"),
        ("{\"labs\": []}", "{\"labs\": [\"new-lab\"]}"),
        ("{\"t\": \"é\", \"labs\": [\"a\"]}", "{\"t\": \"é\", \"labs\": [\"a\", \"new-lab\"]}"),
        ("{\"labs\": [\"new-lab\"]}", "{\"labs\": [\"new-lab\"]}"),
    ])
    func appended(before: String, after: String) {
        #expect(CourseManifest.addingLab("new-lab", to: before) == after)
    }

    @Test("no list, or no JSON: nothing to add", arguments: ["{\"id\": \"c\"}", "{\"labs\": ", "{\"labs\": \"a\"}"])
    func nothing(text: String) {
        #expect(CourseManifest.addingLab("new-lab", to: text) == nil)
    }
}
