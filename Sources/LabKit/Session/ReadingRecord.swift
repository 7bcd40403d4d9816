import IAMPolicy

/// The lessons a learner has read, each with when it was first read.
///
/// Kept beside the progress (`lessons-read.json`): `lessons` marks them and `next` suggests
/// an unread lesson before its lab.
public struct ReadingRecord: Sendable, Hashable {
    /// The file format this version of kdslab reads and writes.
    public static let currentFormatVersion = 1

    /// When each lesson was first read, by lesson id.
    public private(set) var firstRead: [String: UTCTimestamp]

    /// Creates a record; the default is a learner who has read nothing.
    public init(firstRead: [String: UTCTimestamp] = [:]) {
        self.firstRead = firstRead
    }

    /// The ids of the lessons read.
    public var lessons: Set<String> { Set(firstRead.keys) }

    /// Notes that `lesson` was read at `time`; returns whether it was the first time.
    @discardableResult
    public mutating func noteRead(_ lesson: String, at time: UTCTimestamp) -> Bool {
        guard firstRead[lesson] == nil else { return false }
        firstRead[lesson] = time
        return true
    }

    /// The file's text: pretty JSON, lessons sorted by id, ending with a newline.
    public var jsonText: String {
        let lessons: [(String, JSONValue)] = firstRead.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.iso8601)) }
        let document: JSONValue = .object([
            ("formatVersion", .number(Self.currentFormatVersion)),
            ("firstRead", .object(lessons)),
        ])
        return JSONWriter.string(document, pretty: true) + "\n"
    }

    /// Reads the file's text; a newer format is refused before anything else is looked at.
    public init(jsonText text: String) throws(ProgressFormatError) {
        let top = try JSONFields(JSONFields.read(text), path: "")
        let version = try top.int("formatVersion")
        guard version >= 1 else { throw .wrongShape(path: "formatVersion", expected: "1") }
        guard version <= Self.currentFormatVersion else {
            throw .unsupportedFormatVersion(found: version, supported: Self.currentFormatVersion)
        }
        let lessons = try JSONFields(top.required("firstRead"), path: "firstRead")
        var firstRead: [String: UTCTimestamp] = [:]
        for member in lessons.value.members ?? [] {
            firstRead[member.key] = try lessons.time(member.key)
        }
        self.init(firstRead: firstRead)
    }
}
