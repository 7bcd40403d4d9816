import BuiltinCourse

/// Where the course built into kdslab appears among paths: a read-only folder named
/// `(built-in)`, so the code that reads a course folder on disk reads it the same way and
/// messages name its files (`(built-in)/labs/producer-only/lab.json:12:5: …`).
///
/// Only the course readers (``CommandIO/readCourseFile(_:limit:)`` and
/// ``CommandIO/listCourseDirectory(_:)``) see it; nothing can be written there.
enum BuiltinCourseMount {
    /// The folder's name. Not a path on disk: the parentheses keep it from looking like one.
    static let root = "(built-in)"

    /// Whether `path` is in the built-in course.
    static func contains(_ path: String) -> Bool {
        path == root || path.hasPrefix(root + "/")
    }

    /// `path` relative to the course folder (`""` for the folder itself).
    static func relative(_ path: String) -> String {
        var rest = Substring(path.dropFirst(root.count))
        while rest.hasPrefix("/") { rest = rest.dropFirst() }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }
}

extension CommandIO {
    /// The bytes of a course file: from the built-in course under ``BuiltinCourseMount/root``,
    /// else through ``readFile(_:limit:)``.
    func readCourseFile(_ path: String, limit: Int) throws(ReadFailure) -> [UInt8] {
        guard BuiltinCourseMount.contains(path) else { return try readFile(path, limit: limit) }
        let relative = BuiltinCourseMount.relative(path)
        guard let contents = BuiltinCourse.contents(at: relative) else {
            throw BuiltinCourse.entries(in: relative) == nil ? .missing : ReadFailure("Is a directory")
        }
        let bytes = contents.bytes
        guard bytes.count <= limit else { throw .tooLarge(limit: limit) }
        return bytes
    }

    /// A course folder's entries: from the built-in course under ``BuiltinCourseMount/root``,
    /// else through ``listDirectory(_:)``.
    func listCourseDirectory(_ path: String) -> [DirectoryEntry]? {
        guard BuiltinCourseMount.contains(path) else { return listDirectory(path) }
        return BuiltinCourse.entries(in: BuiltinCourseMount.relative(path))?
            .map { DirectoryEntry(name: $0.name, isDirectory: $0.isDirectory) }
    }

    /// Whether `path` is a course folder that can be listed (built-in or on disk).
    func isCourseDirectory(_ path: String) -> Bool {
        listCourseDirectory(path) != nil
    }
}
