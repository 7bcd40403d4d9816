import Testing
@testable import LabKit

@Suite("Lesson catalog")
struct LessonCatalogTests {
    private let catalog = LessonCatalog(files: [
        ("10-later.md", "# Later"),
        ("02-b.md", "# B"),
        ("02-a.md", "# A"),
        ("notes.txt", "ignored"),
        ("03-untitled.md", "text only"),
        ("05-a.md", "# Duplicate"),
        ("draft.md", "# No number"),
        ("04-open.md", "# Open\n\n```\ncode"),
    ])

    @Test("lessons sort by number then id; bad files are left out")
    func ordering() {
        #expect(catalog.lessons.map(\.fileName) == ["02-a.md", "02-b.md", "04-open.md", "10-later.md"])
    }

    @Test("problems name the file, line and column")
    func problems() {
        #expect(catalog.problems.map(\.description) == [
            "03-untitled.md:1:1: the lesson has no title; start it with a `# Title` line",
            "04-open.md:3:1: this code block is never closed; add a line ````` where it ends",
            "05-a.md:1:1: the lesson id `a` is already used by `02-a.md`",
            "draft.md:1:1: the file name `draft.md` should be a number, a dash and an id, like `03-explicit-deny.md`",
        ])
    }

    @Test("lookup by 1-based position or id", arguments: [
        ("1", "a"), ("2", "b"), ("4", "later"), (" later ", "later"), ("OPEN", "open"),
        ("0", nil), ("5", nil), ("99999999999999999999", nil), ("", nil), ("missing", nil),
    ] as [(String, String?)])
    func lookup(name: String, id: String?) {
        #expect(catalog.lesson(named: name)?.id == id)
    }

    @Test("position of an id")
    func position() {
        #expect(catalog.position(of: "open") == 3)
        #expect(catalog.position(of: "untitled") == nil)
    }
}
