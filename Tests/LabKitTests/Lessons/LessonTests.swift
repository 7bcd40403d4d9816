import Testing
@testable import LabKit

@Suite("Lessons")
struct LessonTests {
    @Test("order and id come from the file name", arguments: [
        ("03-explicit-deny.md", 3, "explicit-deny"),
        ("1-intro.md", 1, "intro"),
        ("010-kms-2.md", 10, "kms-2"),
    ])
    func fileName(name: String, order: Int, id: String) {
        let parsed = Lesson.orderAndID(fileName: name)
        #expect(parsed?.order == order)
        #expect(parsed?.id == id)
    }

    @Test("names that are not number-dash-id.md are refused", arguments: [
        "intro.md", "03.md", "03-.md", "03-Explicit.md", "03_x.md", "03-x.txt", "-x.md", "03-x-.md", "1234567-x.md",
    ])
    func badFileName(name: String) {
        #expect(Lesson.orderAndID(fileName: name) == nil)
    }

    @Test("title is the first level-1 heading as plain text; covers comes from the top comment")
    func titleAndCovers() throws {
        let text = "<!-- covers: least-privilege, default-deny,\n least-privilege , -->\n## Not this\n# The *real* `title`\n\nBody."
        let lesson = try Lesson(fileName: "02-x.md", text: text)
        #expect(lesson.title == "The real title")
        #expect(lesson.covers == ["least-privilege", "default-deny"])
        #expect(lesson.order == 2)
        #expect(lesson.id == "x")
    }

    @Test("a covers comment after the lesson has begun is not read")
    func lateCovers() throws {
        let lesson = try Lesson(fileName: "02-x.md", text: "# T\n\nBody.\n\n<!-- covers: a -->")
        #expect(lesson.covers == [])
    }

    @Test("a lesson without a title is a problem at 1:1")
    func noTitle() {
        #expect(throws: LessonProblem(file: "04-x.md", line: 1, column: 1,
                                      message: "the lesson has no title; start it with a `# Title` line")) {
            try Lesson(fileName: "04-x.md", text: "## Only a subheading\n")
        }
    }
}
