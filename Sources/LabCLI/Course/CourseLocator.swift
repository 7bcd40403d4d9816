/// Finds the course: `--labs`/`--content`, else `KDSLAB_LABS`/`KDSLAB_CONTENT`, else the
/// nearest folder holding both `labs/` and `content/`, walking up from the working directory
/// and then from the program's own location (so `swift run kdslab` works from anywhere in
/// the repository, and a built binary finds the course it was built in).
struct CourseLocator {
    /// `--labs DIR`, if given.
    var labsFlag: String?
    /// `--content DIR`, if given.
    var contentFlag: String?

    /// The course's location, or a failure listing every place looked at.
    func locate(io: CommandIO) throws(CommandFailure) -> CourseLocation {
        func given(_ flag: String?, _ variable: String) -> String? {
            if let flag, !flag.isEmpty { return flag }
            if let value = io.environment(variable), !value.isEmpty { return value }
            return nil
        }
        let labs = given(labsFlag, "KDSLAB_LABS")
        let content = given(contentFlag, "KDSLAB_CONTENT")
        if let labs {
            guard io.isDirectory(labs) else {
                throw .usage("the labs folder '\(labs)' is not a directory (from \(labsFlag != nil ? "--labs" : "KDSLAB_LABS"))")
            }
            let sibling = Self.parent(of: Self.trimmed(labs)) + "/content"
            return CourseLocation(labs: labs, content: content ?? (io.isDirectory(sibling) ? sibling : nil))
        }
        var looked: [String] = []
        let starts = [io.currentDirectory, io.executablePath.map(Self.parent(of:))].compactMap { $0 }
        for start in starts {
            var dir = Self.trimmed(start)
            while true {
                looked.append(dir)
                let root = dir == "/" ? "" : dir
                if io.isDirectory(root + "/labs") && io.isDirectory(root + "/content") {
                    return CourseLocation(labs: root + "/labs", content: content ?? root + "/content")
                }
                if dir == "/" || dir.isEmpty { break }
                dir = Self.parent(of: dir)
            }
        }
        var lines = ["kdslab: cannot find the course (a folder holding labs/ and content/); give --labs DIR and --content DIR or set KDSLAB_LABS and KDSLAB_CONTENT"]
        if !looked.isEmpty {
            lines.append("  looked in:")
            var seen: Set<String> = []
            lines += looked.filter { seen.insert($0).inserted }.map { "    \($0)" }
        }
        throw CommandFailure(lines: lines)
    }

    /// `path` without trailing slashes (but `/` stays).
    static func trimmed(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }

    /// The folder holding `path`: `/a/b` → `/a`, `/a` → `/`, `b` → `.`.
    static func parent(of path: String) -> String {
        let p = trimmed(path)
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }
}
