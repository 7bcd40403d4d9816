import IAMPolicy
import LabKit

/// `kdslab progress --output json`: a stable document with a schema name and version, so
/// scripts and dashboards can rely on it (docs/progress-json.md describes every member).
///
/// Version 1 members: `schema` (`kdslab-progress`), `schemaVersion` (1), `kdslabVersion`,
/// `course` (`id`, `title`, `version`: the first and last `null` for a course folder without
/// `course.json`), `home` (the course's progress folder), `labs` (one object per lab in
/// course order, then labs with progress the course does not have), `lessonsRead` and `log`.
/// Members are only ever added within a version; a removal or a change of meaning is a new
/// version.
struct ProgressDocument {
    /// The schema's name.
    static let schema = "kdslab-progress"
    /// The schema's version.
    static let schemaVersion = 1

    var course: Course
    var root: String
    var rows: [ProgressRow]
    var verification: LogVerification
    var reading: ReadingRecord

    /// The document.
    var json: JSONValue {
        .object([
            ("schema", .string(Self.schema)),
            ("schemaVersion", .number(Self.schemaVersion)),
            ("kdslabVersion", .string(KdslabCommand.version)),
            ("course", Self.course(course)),
            ("home", .string(root)),
            ("labs", .array(rows.map(Self.lab))),
            ("lessonsRead", .array(reading.firstRead.sorted { $0.key < $1.key }.map { id, at in
                .object([("id", .string(id)), ("firstReadAt", .string(at.iso8601))])
            })),
            ("log", Self.log(verification)),
        ])
    }

    /// `{"id", "title", "version"}` of `course`.
    static func course(_ course: Course) -> JSONValue {
        .object([
            ("id", course.manifest.map { .string($0.id) } ?? .null),
            ("title", .string(course.title)),
            ("version", course.manifest.map { .string($0.version.description) } ?? .null),
        ])
    }

    /// One lab's record.
    static func lab(_ row: ProgressRow) -> JSONValue {
        let p = row.progress
        return .object([
            ("id", .string(row.id)),
            ("title", row.title.map { .string($0) } ?? .null),
            ("status", .string(p.status.rawValue)),
            ("bestScore", p.bestScore.map { .number($0) } ?? .null),
            ("maxScore", p.maxScore.map { .number($0) } ?? .null),
            ("attempts", .number(p.attempts)),
            ("lastAttemptAt", p.lastAttemptAt.map { .string($0.iso8601) } ?? .null),
            ("hintsUsed", .number(p.hintsUsed)),
            ("solutionViewed", .bool(p.solutionViewed)),
            ("passedAt", p.passedAt.map { .string($0.iso8601) } ?? .null),
        ])
    }

    /// The log check.
    static func log(_ verification: LogVerification) -> JSONValue {
        var log: [(String, JSONValue)] = [("intact", .bool(verification.isIntact))]
        switch verification {
        case .intact(let n):
            log += [("lines", .number(n)), ("unfinishedLastLine", .bool(false))]
        case .tornTail(let n):
            log += [("lines", .number(n)), ("unfinishedLastLine", .bool(true))]
        case .broken(let line, let problem):
            log += [("brokenAtLine", .number(line)), ("problem", .string(problem.description))]
        }
        return .object(log)
    }
}
