import IAMPolicy
import LabKit

/// `kdslab course new ID [--title TEXT] [--in DIR]`: makes a course pack, `DIR/ID` (default:
/// `./ID`), that validates as it is: a `course.json`, one lesson and one lab (from the
/// identity-policy template of `lab new`), for an instructor to grow.
///
/// Never overwrites: an existing folder is left alone.
/// Exit statuses: 0 created; 1 a file could not be written; 2 bad usage or an existing folder.
struct CourseNewCommand {
    let io: CommandIO

    static let name = "course new"

    /// The first lesson's id and file.
    static let lessonID = "first-lesson"
    /// The first lab's id.
    static let labID = "first-lab"

    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: [.value("--title"), .value("--in")]).scan(arguments)
        guard parsed.positionals.count == 1, let id = parsed.positionals.first else {
            throw .usage(parsed.positionals.isEmpty ? "give the new course's id, e.g. kdslab course new kinesis-basics"
                                                    : "give one course id, not \(parsed.positionals.count)", command: Self.name)
        }
        guard CourseManifest.isValidID(id) else {
            throw .usage("'\(id)' is not a course id: use lower-case letters, digits and dashes, e.g. kinesis-basics", command: Self.name)
        }
        let parent = CourseLocator.trimmed(parsed.value("--in") ?? ".")
        guard io.isDirectory(parent) else { throw .usage("the folder '\(parent)' is not a directory (from --in)", command: Self.name) }
        let folder = parent == "." ? id : parent + "/" + id
        if Self.exists(folder, io: io) {
            throw .usage("'\(folder)' already exists; kdslab course new never overwrites (choose another id or folder)")
        }
        let title = parsed.value("--title") ?? "Replace this: the course's title"
        let lab = LabNewCommand.files(of: LabTemplate.identityPolicy, id: Self.labID, lessons: [Self.lessonID])
        let files: [(path: String, contents: String)] = [
            (CourseManifest.fileName, Self.manifest(id: id, title: title)),
            ("content/01-\(Self.lessonID).md", Self.lesson),
        ] + lab.map { ("labs/\(Self.labID)/\($0.path)", $0.contents) }
        do {
            try LabNewCommand.write(files, into: folder, io: io)
        } catch {
            throw CommandFailure(lines: ["kdslab: cannot write the new course in '\(folder)': \(error.reason)"], status: 1)
        }
        io.line("Created the course `\(id)` in \(folder):")
        let rows = [
            (CourseManifest.fileName, "its id, title, version, the kdslab it needs, lesson and lab order"),
            ("content/01-\(Self.lessonID).md", "a lesson"),
            ("labs/\(Self.labID)/", "a lab from the \(LabTemplate.identityPolicy.name) template (its AUTHORING.md says how to make it yours)"),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        for (path, what) in rows { io.line("  " + path + String(repeating: " ", count: width - path.count) + "  " + what) }
        io.line("Next: `kdslab lab validate --course \(folder)` (it validates as it is), then `kdslab --course \(folder)`")
        io.line("(or `kdslab` inside the folder). `kdslab lab new ID --course \(folder)` adds a lab; docs/authoring.md")
        io.line("describes course packs.")
        return 0
    }

    /// Whether anything is at `path` (a folder, a file, or something that cannot be read).
    static func exists(_ path: String, io: CommandIO) -> Bool {
        if io.isDirectory(path) { return true }
        do {
            _ = try io.readFile(path, limit: 0)
            return true
        } catch {
            return !error.isMissing
        }
    }

    /// The `course.json` of a new course.
    static func manifest(id: String, title: String) -> String {
        let document: JSONValue = .object([
            ("formatVersion", .number(CourseManifest.formatVersion)),
            ("id", .string(id)),
            ("title", .string(title)),
            ("version", .string("0.1.0")),
            ("requiresKdslab", .string(KdslabCommand.version)),
            ("lessons", .array([.string(lessonID)])),
            ("labs", .array([.string(labID)])),
        ])
        return JSONWriter.string(document, pretty: true) + "\n"
    }

    /// The first lesson.
    static let lesson = """
        # Replace this: the first lesson's title

        A lesson is Markdown: a `# Title`, then paragraphs, lists, tables and fenced code.
        Its file name sets its place and its id: `01-first-lesson.md` is the first lesson,
        and labs name it `first-lesson` in their `lessons`.

        ## What the learner does next

        Read this, then `start first-lab` in kdslab and write the policy it asks for.

        """
}
