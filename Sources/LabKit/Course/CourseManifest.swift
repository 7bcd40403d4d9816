import IAMPolicy

/// A course pack's `course.json`: who the course is, its version, the kdslab it needs, and
/// (optionally) the order of its lessons and labs.
///
/// ```json
/// {
///   "formatVersion": 1,
///   "id": "kinesis-security",
///   "title": "Amazon Kinesis Data Streams security",
///   "version": "1.0.0",
///   "requiresKdslab": "0.2.0",
///   "lessons": ["least-privilege", "policy-anatomy"],
///   "labs": ["why-least-privilege", "producer-only"]
/// }
/// ```
///
/// The id names the learner's progress for the course, so two courses never share it.
/// Without `lessons`, lessons come in file-name order (`NN-id.md`); without `labs`, labs come
/// by their `lab.json` `order`. Read with ``read(_:)``, which reports every problem with its
/// line and column as a ``LabProblem`` in `course.json`.
public struct CourseManifest: Sendable, Equatable {
    /// The current (and only) format.
    public static let formatVersion = 1
    /// The file's name in a course folder.
    public static let fileName = "course.json"

    /// Lower-case letters, digits and single dashes; names the course's progress.
    public var id: String
    /// The course's name, shown in the welcome and by `--version`.
    public var title: String
    /// The course's own version.
    public var version: SemanticVersion
    /// The oldest kdslab that runs the course, if it says.
    public var requiresKdslab: SemanticVersion?
    /// The lesson ids in course order, when the course sets it.
    public var lessonOrder: [String]?
    /// The lab ids in course order, when the course sets it.
    public var labOrder: [String]?

    /// Creates a manifest.
    public init(id: String, title: String, version: SemanticVersion, requiresKdslab: SemanticVersion? = nil,
                lessonOrder: [String]? = nil, labOrder: [String]? = nil) {
        self.id = id
        self.title = title
        self.version = version
        self.requiresKdslab = requiresKdslab
        self.lessonOrder = lessonOrder
        self.labOrder = labOrder
    }

    static let keys = ["formatVersion", "id", "title", "version", "requiresKdslab", "lessons", "labs", "description"]

    /// Reads `course.json`'s text. The manifest is `nil` when any problem is an error.
    public static func read(_ text: String) -> (manifest: CourseManifest?, problems: [LabProblem]) {
        let json: JSONValue
        do {
            json = try JSONReader(limits: .init(maxBytes: 1_048_576, maxDepth: 16)).read(text)
        } catch {
            return (nil, [LabProblem(file: fileName, line: error.position.line, column: error.position.column, message: error.message)])
        }
        var reader = _LabReader(file: fileName)
        guard let root = reader.object(json, fileName) else { return (nil, reader.problems) }
        reader.rejectUnknownKeys(root, known: keys, in: fileName)
        if let v = root["formatVersion"] {
            if case .number(let n) = v.kind, Int(n) == formatVersion {} else {
                reader.problem("formatVersion \(v.literal) is not supported; this kdslab reads formatVersion \(formatVersion)", at: v)
            }
        } else {
            reader.problem("\(fileName) is missing `formatVersion` (use \(formatVersion))", at: root, severity: .warning)
        }
        let id = reader.string(root, "id", required: true, in: fileName)
        if let id, !id.isEmpty, !isValidID(id) {
            reader.problem("`\(id)` is not a course id: use lower-case letters, digits and single dashes, e.g. kinesis-basics", at: root["id"])
        }
        let title = reader.string(root, "title", required: true, in: fileName)
        let version = readVersion(&reader, root, "version", required: true)
        let requires = readVersion(&reader, root, "requiresKdslab", required: false)
        let lessons = readIDs(&reader, root, "lessons")
        let labs = readIDs(&reader, root, "labs")
        guard !reader.problems.contains(where: { $0.severity == .error }), let id, let title, let version else {
            return (nil, reader.problems)
        }
        return (CourseManifest(id: id, title: title, version: version, requiresKdslab: requires,
                               lessonOrder: lessons, labOrder: labs), reader.problems)
    }

    /// Lower-case letters and digits in dash-separated words, at most 64 characters.
    public static func isValidID(_ id: String) -> Bool {
        guard !id.isEmpty, id.count <= 64, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func readVersion(_ reader: inout _LabReader, _ root: JSONValue, _ key: String, required: Bool) -> SemanticVersion? {
        guard let text = reader.string(root, key, required: required, in: fileName), !text.isEmpty else { return nil }
        guard let version = SemanticVersion(text) else {
            reader.problem("`\(key)` must be a version such as 1.0.0, not `\(text)`", at: root[key])
            return nil
        }
        return version
    }

    private static func readIDs(_ reader: inout _LabReader, _ root: JSONValue, _ key: String) -> [String]? {
        guard let v = root[key] else { return nil }
        guard let elements = v.elements else {
            reader.problem("`\(key)` must be an array of ids, not \(v.typeName)", at: v)
            return nil
        }
        var ids: [String] = []
        for item in elements {
            guard let id = item.stringValue else {
                reader.problem("`\(key)` entries must be strings, not \(item.typeName)", at: item)
                continue
            }
            if ids.contains(id) { reader.problem("`\(id)` is listed twice in `\(key)`", at: item) }
            ids.append(id)
        }
        return ids
    }
}
