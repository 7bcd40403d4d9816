/// The course's lessons in order, and the problems found while reading them.
///
/// Built from file names and texts (the CLI reads the files). Names that do not end in
/// `.md` are skipped. A file with a bad name or no title, or whose id an earlier lesson
/// already has, is left out and reported; Markdown warnings are reported and the lesson kept.
public struct LessonCatalog: Sendable, Hashable {
    /// The lessons, by order and then id.
    public internal(set) var lessons: [Lesson]
    /// What was wrong, by file name and then line.
    public private(set) var problems: [LessonProblem]

    /// Reads every `.md` file in `files`.
    public init(files: [(fileName: String, text: String)]) {
        var lessons: [Lesson] = []
        var problems: [LessonProblem] = []
        for (fileName, text) in files where fileName.hasSuffix(".md") {
            do {
                let lesson = try Lesson(fileName: fileName, text: text)
                lessons.append(lesson)
                problems += lesson.document.warnings.map {
                    LessonProblem(file: fileName, line: $0.line, column: $0.column, message: $0.message)
                }
            } catch {
                problems.append(error)
            }
        }
        lessons.sort { ($0.order, $0.id, $0.fileName) < ($1.order, $1.id, $1.fileName) }
        var kept: [Lesson] = []
        var firstFile: [String: String] = [:]
        for lesson in lessons {
            if let earlier = firstFile[lesson.id] {
                problems.append(LessonProblem(file: lesson.fileName, line: 1, column: 1,
                                              message: "the lesson id `\(lesson.id)` is already used by `\(earlier)`"))
            } else {
                firstFile[lesson.id] = lesson.fileName
                kept.append(lesson)
            }
        }
        self.lessons = kept
        self.problems = problems.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    /// The lesson at a 1-based position in the course, if there is one.
    public func lesson(at position: Int) -> Lesson? {
        lessons.indices.contains(position - 1) ? lessons[position - 1] : nil
    }

    /// The lesson with `id`, if there is one.
    public func lesson(id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }

    /// The lesson a learner named: a 1-based position (`3`) or an id (`explicit-deny`).
    public func lesson(named name: String) -> Lesson? {
        let trimmed = String(name.trimmingSpaces())
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return Int(trimmed).flatMap(lesson(at:))
        }
        return lesson(id: trimmed.lowercased())
    }

    /// The 1-based position of the lesson with `id`, if there is one.
    public func position(of id: String) -> Int? {
        lessons.firstIndex { $0.id == id }.map { $0 + 1 }
    }
}
