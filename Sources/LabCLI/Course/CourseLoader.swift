import LabKit

/// Reads a course's manifest, lab folders and lessons through a ``CommandIO`` (the built-in
/// course included, see ``BuiltinCourseMount``).
///
/// A lab with errors is skipped and its problems become warnings (`labs/ID/lab.json:12:5:
/// error: …`); it never stops the others from loading. Lessons load the same way. A
/// `course.json` with errors, or one that needs a newer kdslab, stops the course from
/// loading: without its id, its progress could land in another course's.
struct CourseLoader {
    /// Where files come from.
    let io: CommandIO

    /// The largest lab or lesson file read.
    static let fileLimit = 1_048_576

    /// Loads everything at `location`.
    func load(_ location: CourseLocation) throws(CommandFailure) -> Course {
        let (manifest, manifestProblems) = try self.manifest(location)
        var warnings = manifestProblems.map { "\(location.root ?? ".")/\($0)" }
        var (lessons, unreadable) = readLessons(location.content)
        // Unreadable lesson files are not in the catalog, so their problems simply come first.
        warnings += (unreadable + lessons.problems).map { "\(location.content ?? "content")/\($0)" }
        let known = location.content == nil ? nil : Set(lessons.lessons.map(\.id))
        let loader = LabLoader(knownLessons: known, lessonSections: location.content == nil ? nil : lessons.sectionTitles)
        guard let entries = io.listCourseDirectory(location.labs) else {
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
        if let manifest {
            labs = manifest.orderingLabs(labs, id: \.id)
            lessons = lessons.ordered(by: manifest)
            let folders = entries.filter { $0.isDirectory && !$0.name.hasPrefix(".") }.map(\.name)
            // Errors for `lab validate`; here the course runs, with the unlisted ones last.
            for var problem in manifest.contentProblems(labIDs: folders, lessonIDs: lessons.lessons.map(\.id)) {
                problem.severity = .warning
                warnings.append("\(location.root ?? ".")/\(problem)")
            }
        }
        return Course(location: location, manifest: manifest, labs: labs, lessons: lessons, warnings: warnings)
    }

    /// The course's `course.json` (`nil` without one) and its warnings; a failure when it has
    /// errors or needs a newer kdslab.
    func manifest(_ location: CourseLocation) throws(CommandFailure) -> (manifest: CourseManifest?, warnings: [LabProblem]) {
        let (manifest, problems) = readManifest(location)
        let place = location.root ?? "."
        if problems.contains(where: { $0.severity == .error }) {
            throw CommandFailure(lines: ["kdslab: the course's \(CourseManifest.fileName) has errors (`kdslab lab validate` checks the whole course):"]
                                 + problems.map { "  \(place)/\($0)" })
        }
        if let refusal = manifest?.refusal(running: KdslabCommand.semanticVersion) {
            throw .usage("\(refusal) (\(place)/\(CourseManifest.fileName)); install a newer kdslab")
        }
        return (manifest, problems)
    }

    /// The course's `course.json`, read and checked: `nil` without one (or without a course
    /// folder), with its problems.
    func readManifest(_ location: CourseLocation) -> (manifest: CourseManifest?, problems: [LabProblem]) {
        guard let root = location.root else { return (nil, []) }
        let bytes: [UInt8]
        do {
            bytes = try io.readCourseFile(root + "/" + CourseManifest.fileName, limit: Self.fileLimit)
        } catch {
            if error.isMissing { return (nil, []) }
            return (nil, [LabProblem(file: CourseManifest.fileName, message: "cannot read the file: \(error.reason)")])
        }
        switch UTF8Text.decode(bytes) {
        case .success(let text):
            return CourseManifest.read(text)
        case .failure(let bad):
            return (nil, [LabProblem(file: CourseManifest.fileName, line: bad.line, column: bad.column, message: bad.message)])
        }
    }

    /// The lessons in the `content` folder (none without one).
    func loadLessons(_ content: String?) -> LessonCatalog {
        readLessons(content).lessons
    }

    /// The lessons in the `content` folder, and the lesson files that are there but cannot
    /// be read (a folder, a FIFO or device, over the size limit, not UTF-8), which are left out.
    func readLessons(_ content: String?) -> (lessons: LessonCatalog, unreadable: [LessonProblem]) {
        guard let content, let entries = io.listCourseDirectory(content) else { return (LessonCatalog(files: []), []) }
        var unreadable: [LessonProblem] = []
        var files: [(fileName: String, text: String)] = []
        for name in entries.map(\.name) where name.hasSuffix(".md") {
            let bytes: [UInt8]
            do {
                bytes = try io.readCourseFile(content + "/" + name, limit: Self.fileLimit)
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
