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
        let folders: [String]
        do {
            folders = try io.directoryEntries(location.labs).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw .usage("cannot read the labs folder '\(location.labs)': \(error.reason)")
        }
        var labs: [Lab] = []
        for name in folders where io.isDirectory(location.labs + "/" + name) {
            let folder = location.labs + "/" + name
            let (lab, problems) = loader.load(files(in: folder, name: name))
            warnings += problems.map { "\(folder)/\($0)" }
            if let lab { labs.append(lab) } else { warnings.append("\(folder): skipped: the lab has errors") }
        }
        labs.sort { ($0.definition.order, $0.id) < ($1.definition.order, $1.id) }
        return Course(location: location, labs: labs, lessons: lessons, warnings: warnings)
    }

    /// The texts of one lab folder.
    func files(in folder: String, name: String) -> LabFiles {
        var mutants: [(name: String, text: String, expect: String?)] = []
        let mutantNames = ((try? io.directoryEntries(folder + "/mutants")) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for file in mutantNames {
            let base = String(file.dropLast(5))
            guard let text = read(folder + "/mutants/" + file) else { continue }
            mutants.append((base, text, read(folder + "/mutants/" + base + ".expect")))
        }
        return LabFiles(folderName: name, definition: read(folder + "/lab.json"), prompt: read(folder + "/prompt.md"),
                        starter: read(folder + "/starter.json"), solution: read(folder + "/solution.json"),
                        mutants: mutants)
    }

    private func loadLessons(_ content: String?) -> LessonCatalog {
        guard let content, let names = try? io.directoryEntries(content) else { return LessonCatalog(files: []) }
        let files = names.filter { $0.hasSuffix(".md") }.sorted().compactMap { name in
            read(content + "/" + name).map { (fileName: name, text: $0) }
        }
        return LessonCatalog(files: files)
    }

    private func read(_ path: String) -> String? {
        guard let bytes = try? io.readFile(path, limit: Self.fileLimit) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
