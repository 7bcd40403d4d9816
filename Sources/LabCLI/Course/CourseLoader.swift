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
        let lessons = loadLessons(location.content)
        var warnings = lessons.problems.map { "\(location.content ?? "content")/\($0)" }
        let known = location.content == nil ? nil : Set(lessons.lessons.map(\.id))
        let loader = LabLoader(knownLessons: known)
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
        guard let content, let entries = io.listDirectory(content) else { return LessonCatalog(files: []) }
        let files = entries.map(\.name).filter { $0.hasSuffix(".md") }.compactMap { name in
            read(content + "/" + name).map { (fileName: name, text: $0) }
        }
        return LessonCatalog(files: files)
    }

    private func read(_ path: String) -> String? {
        guard let bytes = try? io.readFile(path, limit: Self.fileLimit) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
