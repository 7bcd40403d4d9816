import LabKit

/// Reads a course's lab folders and lessons through a ``CommandIO``.
///
/// A lab with errors is skipped and its problems become warnings (`labs/ID/lab.json:12:5:
/// error: …`); it never stops the others from loading. Lessons load the same way.
struct CourseLoader {
    /// Where files come from.
    let io: CommandIO

    /// The largest lab or lesson file read.
    static let fileLimit = 1_048_576

    /// Loads everything at `location`.
    func load(_ location: CourseLocation) throws(CommandFailure) -> Course {
        let (lessons, unreadable) = readLessons(location.content)
        // Unreadable lesson files are not in the catalog, so their problems simply come first.
        var warnings = (unreadable + lessons.problems).map { "\(location.content ?? "content")/\($0)" }
        let known = location.content == nil ? nil : Set(lessons.lessons.map(\.id))
        let loader = LabLoader(knownLessons: known, lessonSections: location.content == nil ? nil : lessons.sectionTitles)
        guard let entries = io.listDirectory(location.labs) else {
            throw .usage("cannot read the labs folder '\(location.labs)'")
        }
        var labs: [Lab] = []
        for entry in entries where entry.isDirectory && !entry.name.hasPrefix(".") {
            let folder = location.labs + "/" + entry.name
            let (lab, problems) = loader.load(LabFolderReader.read(folder, io: io))
            warnings += problems.map { "\(folder)/\($0)" }
            if let lab { labs.append(lab) } else { warnings.append("\(folder): skipped: the lab has errors") }
        }
        labs.sort { ($0.definition.order, $0.id) < ($1.definition.order, $1.id) }
        return Course(location: location, labs: labs, lessons: lessons, warnings: warnings)
    }

    /// The lessons in the `content` folder (none without one).
    func loadLessons(_ content: String?) -> LessonCatalog {
        readLessons(content).lessons
    }

    /// The lessons in the `content` folder, and the lesson files that are there but cannot
    /// be read (a folder, a FIFO or device, over the size limit, not UTF-8), which are left out.
    func readLessons(_ content: String?) -> (lessons: LessonCatalog, unreadable: [LessonProblem]) {
        guard let content, let entries = io.listDirectory(content) else { return (LessonCatalog(files: []), []) }
        var unreadable: [LessonProblem] = []
        var files: [(fileName: String, text: String)] = []
        for name in entries.map(\.name) where name.hasSuffix(".md") {
            let bytes: [UInt8]
            do {
                bytes = try io.readFile(content + "/" + name, limit: Self.fileLimit)
            } catch {
                unreadable.append(LessonProblem(file: name, line: 1, column: 1, message: "cannot read the file: \(error.reason)"))
                continue
            }
            switch UTF8Text.decode(bytes) {
            case .success(let text): files.append((name, text))
            case .failure(let bad): unreadable.append(LessonProblem(file: name, line: bad.line, column: bad.column, message: bad.message))
            }
        }
        return (LessonCatalog(files: files), unreadable)
    }
}
