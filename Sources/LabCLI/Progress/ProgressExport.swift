import IAMPolicy
import LabKit

/// A file that carries a learner's progress in one course to another machine
/// (`kdslab progress export FILE`, `kdslab progress import FILE`; docs/progress-json.md).
///
/// The attempt log travels line for line, so its hash chain can be checked on arrival and
/// compared with the log there; the state is rebuilt from it. The lessons read and the
/// drafts come along. The `labs` table is the one `progress --output json` shows, for a
/// reader's convenience: import ignores it.
struct ProgressExport {
    /// The schema's name.
    static let schema = "kdslab-progress-export"
    /// The schema's version.
    static let schemaVersion = 1
    /// The largest export file read.
    static let readLimit = 64 << 20

    /// The course's id (`nil`: a course folder without `course.json`).
    var courseID: String?
    /// The course's title and version, for messages.
    var courseTitle: String
    var courseVersion: String?
    /// When it was exported.
    var exportedAt: UTCTimestamp
    /// The attempt log's complete lines.
    var log: AttemptLog
    /// The lessons read, with when each was first read.
    var lessonsRead: [String: UTCTimestamp]
    /// The drafts, by lab id.
    var drafts: [String: String]

    /// The file's text: the document, pretty-printed, with `labs` (the progress table rows).
    func jsonText(rows: [ProgressRow]) -> String {
        let document: JSONValue = .object([
            ("schema", .string(Self.schema)),
            ("schemaVersion", .number(Self.schemaVersion)),
            ("kdslabVersion", .string(KdslabCommand.version)),
            ("exportedAt", .string(exportedAt.iso8601)),
            ("course", .object([
                ("id", courseID.map { .string($0) } ?? .null),
                ("title", .string(courseTitle)),
                ("version", courseVersion.map { .string($0) } ?? .null),
            ])),
            ("labs", .array(rows.map(ProgressDocument.lab))),
            ("lessonsRead", .object(lessonsRead.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.iso8601)) })),
            ("drafts", .object(drafts.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("log", .object([
                ("lines", .number(log.lines.count)),
                ("lastLineSHA256", .string(log.lastHash)),
            ])),
            ("attempts", .array(log.lines.map { .string(String(decoding: $0, as: UTF8.self)) })),
        ])
        return JSONWriter.string(document, pretty: true) + "\n"
    }

    /// Reads an export file's text; throws what is wrong with it, the log's hash chain
    /// included (a file whose log is not intact, or does not end where it says, is refused).
    init(jsonText text: String) throws(ProgressExportError) {
        let top: JSONValue
        do {
            top = try JSONReader(limits: .init(maxBytes: Self.readLimit, maxDepth: 16)).read(text)
        } catch {
            throw .notJSON(line: error.position.line, column: error.position.column, message: error.message)
        }
        guard top.members != nil else { throw .wrongShape(path: "(top level)", expected: "an object") }
        guard top["schema"]?.stringValue == Self.schema else {
            throw .notAnExport(found: top["schema"]?.stringValue)
        }
        guard case .number(let v) = top["schemaVersion"]?.kind, let version = Int(v), version >= 1 else {
            throw .wrongShape(path: "schemaVersion", expected: "a whole number from 1")
        }
        guard version <= Self.schemaVersion else { throw .newerSchema(found: version, supported: Self.schemaVersion) }

        func string(_ value: JSONValue?, _ path: String) throws(ProgressExportError) -> String {
            guard let s = value?.stringValue else { throw .wrongShape(path: path, expected: "a string") }
            return s
        }
        func time(_ value: JSONValue?, _ path: String) throws(ProgressExportError) -> UTCTimestamp {
            guard let t = UTCTimestamp(iso8601: try string(value, path)) else {
                throw .wrongShape(path: path, expected: "a time such as 2026-11-29T10:15:00Z")
            }
            return t
        }
        guard let course = top["course"], course.members != nil else { throw .wrongShape(path: "course", expected: "an object") }
        courseID = course["id"].flatMap { $0.kind == .null ? nil : $0.stringValue }
        courseTitle = try string(course["title"], "course.title")
        courseVersion = course["version"]?.stringValue
        exportedAt = try time(top["exportedAt"], "exportedAt")
        guard let lines = top["attempts"]?.elements else { throw .wrongShape(path: "attempts", expected: "an array of log lines") }
        var bytes: [UInt8] = []
        for (i, line) in lines.enumerated() {
            let text = try string(line, "attempts[\(i)]")
            guard !text.utf8.contains(0x0A) else { throw .wrongShape(path: "attempts[\(i)]", expected: "one line") }
            bytes += Array(text.utf8) + [0x0A]
        }
        log = AttemptLog(bytes: bytes)
        guard let head = top["log"], case .number(let n) = head["lines"]?.kind, let count = Int(n) else {
            throw .wrongShape(path: "log.lines", expected: "a whole number")
        }
        let recorded = LogHead(lines: count, lastLineSHA256: try string(head["lastLineSHA256"], "log.lastLineSHA256"))
        // The log must be whole: every line chained to the one before, and as long as the
        // file says, ending in the line it names.
        let verification = log.verify(against: recorded)
        guard verification.isIntact else { throw .brokenLog(verification) }
        guard log.head == recorded else {
            throw .wrongShape(path: "log", expected: "the count and last hash of its \(log.lines.count) attempt lines")
        }
        var read: [String: UTCTimestamp] = [:]
        for member in top["lessonsRead"]?.members ?? [] {
            read[member.key] = try time(member.value, "lessonsRead.\(member.key)")
        }
        lessonsRead = read
        var drafts: [String: String] = [:]
        for member in top["drafts"]?.members ?? [] {
            drafts[member.key] = try string(member.value, "drafts.\(member.key)")
        }
        self.drafts = drafts
    }

    /// Creates an export.
    init(courseID: String?, courseTitle: String, courseVersion: String?, exportedAt: UTCTimestamp, log: AttemptLog,
         lessonsRead: [String: UTCTimestamp], drafts: [String: String]) {
        self.courseID = courseID
        self.courseTitle = courseTitle
        self.courseVersion = courseVersion
        self.exportedAt = exportedAt
        self.log = log
        self.lessonsRead = lessonsRead
        self.drafts = drafts
    }
}

/// Why a file is not a progress export kdslab can import.
enum ProgressExportError: Error, Equatable, CustomStringConvertible {
    /// Not JSON, at a position.
    case notJSON(line: Int, column: Int, message: String)
    /// JSON, but not an export (its `schema`, if any).
    case notAnExport(found: String?)
    /// From a newer kdslab.
    case newerSchema(found: Int, supported: Int)
    /// A member is missing or of the wrong kind.
    case wrongShape(path: String, expected: String)
    /// The attempt log in the file is not intact.
    case brokenLog(LogVerification)

    var description: String {
        switch self {
        case .notJSON(let line, let column, let message):
            "line \(line), column \(column): \(message)"
        case .notAnExport(let found):
            "not a kdslab progress export (its `schema` is \(found.map { "`\($0)`" } ?? "missing"), not `\(ProgressExport.schema)`); "
                + "`kdslab progress export FILE` writes one"
        case .newerSchema(let found, let supported):
            "schemaVersion \(found) is newer than this kdslab reads (\(supported)); update kdslab"
        case .wrongShape(let path, let expected):
            "`\(path)` should be \(expected)"
        case .brokenLog(let verification):
            "its attempt log is not intact: \(verification.description)"
        }
    }
}
