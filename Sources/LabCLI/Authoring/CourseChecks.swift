import IAMPolicy
import LabKit

/// `lab validate`'s checks of a whole course beyond its labs: its `course.json` (the fields,
/// the kdslab it needs, the lesson and lab lists against the folders) and its lessons.
struct CourseChecks {
    /// Where the course is.
    var location: CourseLocation
    /// Its manifest, when it has one that reads.
    var manifest: CourseManifest?
    /// The problems, each with the path it is relative to (`/c` for `course.json`,
    /// `/c/content` for a lesson).
    var problems: [(base: String, problem: LabProblem)]

    var errorCount: Int { problems.filter { $0.problem.severity == .error }.count }
    var warningCount: Int { problems.filter { $0.problem.severity == .warning }.count }

    /// Checks the course at `location`, whose lab folders are `labFolders`.
    static func run(_ location: CourseLocation, labFolders: [String], io: CommandIO) -> CourseChecks {
        let loader = CourseLoader(io: io)
        let base = location.root ?? CourseLocator.parent(of: location.labs)
        var problems: [(String, LabProblem)] = []
        let (manifest, manifestProblems) = loader.readManifest(location)
        problems += manifestProblems.map { (base, $0) }
        let (lessons, unreadable) = loader.readLessons(location.content)
        if manifest == nil && manifestProblems.isEmpty {
            problems.append((base, LabProblem(file: CourseManifest.fileName, message: "the course has no course.json (its id, title and "
                + "version); without one its progress is kept with kdslab's own course's (`kdslab course new ID` shows one)",
                                               severity: .warning)))
        }
        if let manifest {
            if let refusal = manifest.refusal(running: KdslabCommand.semanticVersion) {
                problems.append((base, LabProblem(file: CourseManifest.fileName, message: refusal)))
            }
            let labIDs = labFolders.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
            problems += manifest.contentProblems(labIDs: labIDs, lessonIDs: lessons.lessons.map(\.id)).map { (base, $0) }
        }
        let content = location.content ?? base + "/content"
        for p in unreadable { problems.append((content, LabProblem(file: p.file, line: p.line, column: p.column, message: p.message))) }
        // Lesson problems do not stop the course (the lesson or its Markdown is skipped), so they warn.
        for p in lessons.problems {
            problems.append((content, LabProblem(file: p.file, line: p.line, column: p.column, message: p.message, severity: .warning)))
        }
        return CourseChecks(location: location, manifest: manifest, problems: problems)
    }

    /// The problems as compiler lines, then one line for the course.
    var text: String {
        var out = problems.map { "\($0.base)/\($0.problem)\n" }.joined()
        let name = manifest.map { "course \($0.id) \($0.version)" } ?? "course in \(location.root ?? location.labs)"
        let verdict = errorCount == 0 && warningCount == 0 ? "ok"
            : [errorCount > 0 ? "\(errorCount) error\(errorCount == 1 ? "" : "s")" : nil,
               warningCount > 0 ? "\(warningCount) warning\(warningCount == 1 ? "" : "s")" : nil].compactMap { $0 }.joined(separator: ", ")
        out += "\(name): \(verdict)\n"
        return out
    }

    /// The checks as JSON.
    var json: JSONValue {
        .object([
            ("id", manifest.map { .string($0.id) } ?? .null),
            ("version", manifest.map { .string($0.version.description) } ?? .null),
            ("path", .string(location.root ?? location.labs)),
            ("errors", .number(errorCount)),
            ("warnings", .number(warningCount)),
            ("problems", .array(problems.map { base, p in
                .object([("file", .string(p.file)), ("path", .string("\(base)/\(p.file)")), ("line", .number(p.line)),
                         ("column", .number(p.column)), ("severity", .string(p.severity.rawValue)), ("message", .string(p.message))])
            })),
        ])
    }
}
