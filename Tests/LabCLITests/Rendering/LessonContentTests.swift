import Foundation
import Testing
import LabKit
@testable import LabCLI

/// The lessons in `content/`: each reads without problems and renders within the width.
@Suite("Lesson content")
struct LessonContentTests {
    private static func contentFiles() throws -> [(fileName: String, text: String)] {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("content")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        return try names.map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test("every lesson reads without problems, has a title and names what it covers")
    func catalog() throws {
        let catalog = LessonCatalog(files: try Self.contentFiles())
        #expect(catalog.problems.map(\.description) == [])
        #expect(!catalog.lessons.isEmpty)
        for lesson in catalog.lessons {
            #expect(!lesson.title.isEmpty)
            #expect(!lesson.covers.isEmpty, "\(lesson.fileName) has no covers comment")
        }
        #expect(catalog.lesson(named: "1")?.id == "least-privilege")
        #expect(catalog.lesson(id: "least-privilege")?.covers == ["least-privilege", "default-deny", "data-stewardship", "modular-controls"])
    }

    @Test("every lesson fits the width, with colour and without, and plain has no escape codes",
          arguments: [40, 80])
    func fits(width: Int) throws {
        for lesson in LessonCatalog(files: try Self.contentFiles()).lessons {
            let plain = MarkdownRenderer(width: width, style: .plain).render(lesson.document)
            let coloured = MarkdownRenderer(width: width, style: RenderingSupport.colour).render(lesson.document)
            #expect(plain.allSatisfy { !$0.contains("\u{1B}") })
            #expect(plain.allSatisfy { DisplayWidth.of(text: $0) <= width })
            #expect(coloured.allSatisfy { RenderingSupport.visibleWidth($0) <= width })
        }
    }
}
