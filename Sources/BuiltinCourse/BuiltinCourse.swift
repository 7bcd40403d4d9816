/// The course built into kdslab: the files of the package's `course.json`, `content/` and
/// `labs/` as they were when kdslab was built, so a copied binary runs the course from any
/// folder.
///
/// Data only: the EmbedCourse build-tool plugin generates `BuiltinCourse+Archive.swift` from
/// the folders at build time (see `Plugins/EmbedCourse`), and LabCLI serves these files as a
/// read-only folder.
public enum BuiltinCourse {
    /// A file's contents: text when the file is UTF-8 (every file kdslab can load is), else
    /// its bytes, so a bad file is reported as it would be on disk.
    public enum Contents: Sendable, Equatable {
        /// UTF-8 text.
        case text(String)
        /// Bytes that are not UTF-8.
        case bytes([UInt8])

        /// The file's bytes.
        public var bytes: [UInt8] {
            switch self {
            case .text(let text): Array(text.utf8)
            case .bytes(let bytes): bytes
            }
        }
    }

    /// Every file, by its path in the course folder (`labs/producer-only/lab.json`), sorted
    /// by path.
    public static var files: [(path: String, contents: Contents)] { archive }

    /// The contents of the file at `path` in the course folder (`labs/producer-only/lab.json`),
    /// or `nil` when there is no such file.
    public static func contents(at path: String) -> Contents? {
        archive.first { $0.path == path }?.contents
    }

    /// The entries of the folder at `path` (`""` is the course folder itself), sorted by name,
    /// each with whether it is a folder; `nil` when there is no such folder.
    public static func entries(in path: String) -> [(name: String, isDirectory: Bool)]? {
        let prefix = path.isEmpty ? "" : path + "/"
        var entries: [String: Bool] = [:]
        for file in archive where file.path.hasPrefix(prefix) {
            let rest = file.path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                entries[String(rest[..<slash])] = true
            } else {
                let name = String(rest)
                if entries[name] == nil { entries[name] = false }
            }
        }
        guard !entries.isEmpty else { return nil }
        return entries.sorted { $0.key < $1.key }.map { (name: $0.key, isDirectory: $0.value) }
    }
}
