import LabKit

/// Chooses the course, first match wins:
///
/// 1. `--labs DIR` (with `--content DIR`, else the `content/` beside it), or `--course DIR`
///    (a course folder: `course.json`, `labs/`, `content/`; `--course built-in` is the
///    course inside kdslab). Giving both is a usage error.
/// 2. `KDSLAB_LABS` (with `KDSLAB_CONTENT`), then `KDSLAB_COURSE`.
/// 3. The nearest course folder at or above the working directory: one holding `labs/` and
///    either `course.json` or `content/` (so `swift run kdslab` in a checkout runs the
///    checkout's course, and an author runs the course they are writing).
/// 4. The course built into kdslab (``CourseLocation/builtIn``), so a copied binary runs
///    from any folder.
///
/// `--content`/`KDSLAB_CONTENT` alone replace the lessons of whichever course is chosen.
/// A labs folder whose parent holds a `course.json` belongs to that course.
struct CourseLocator {
    /// `--labs DIR`, if given.
    var labsFlag: String?
    /// `--content DIR`, if given.
    var contentFlag: String?
    /// `--course DIR`, if given.
    var courseFlag: String?

    /// The `--course` value (and `KDSLAB_COURSE` value) that names the built-in course.
    static let builtInName = "built-in"

    /// Creates a locator from the options given.
    init(labsFlag: String? = nil, contentFlag: String? = nil, courseFlag: String? = nil) {
        self.labsFlag = labsFlag
        self.contentFlag = contentFlag
        self.courseFlag = courseFlag
    }

    /// A locator for the course options in `parsed` (`--labs`, `--content`, `--course`).
    init(_ parsed: ParsedArguments) {
        self.init(labsFlag: parsed.value("--labs"), contentFlag: parsed.value("--content"), courseFlag: parsed.value("--course"))
    }

    /// The course's location, or a failure saying what is wrong with the one named.
    func locate(io: CommandIO) throws(CommandFailure) -> CourseLocation {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let labsFlag = nonEmpty(labsFlag), courseFlag = nonEmpty(courseFlag)
        if labsFlag != nil && courseFlag != nil {
            throw .usage("give either --course DIR or --labs DIR, not both")
        }
        let content = nonEmpty(contentFlag) ?? nonEmpty(io.environment("KDSLAB_CONTENT"))
        if let labsFlag { return try labsFolder(labsFlag, content: content, origin: .labsOption, io: io) }
        if let courseFlag { return try courseFolder(courseFlag, content: content, origin: .courseOption, io: io) }
        if let labs = nonEmpty(io.environment("KDSLAB_LABS")) {
            return try labsFolder(labs, content: content, origin: .labsEnvironment, io: io)
        }
        if let course = nonEmpty(io.environment("KDSLAB_COURSE")) {
            return try courseFolder(course, content: content, origin: .courseEnvironment, io: io)
        }
        if let found = foundAbove(io: io) {
            return CourseLocation(labs: found.labs, content: content ?? found.content, root: found.root, origin: .foundAbove)
        }
        var builtIn = CourseLocation.builtIn
        if let content { builtIn.content = content }
        return builtIn
    }

    /// A labs folder named by `--labs` or `KDSLAB_LABS`.
    private func labsFolder(_ labs: String, content: String?, origin: CourseOrigin, io: CommandIO) throws(CommandFailure) -> CourseLocation {
        guard io.isCourseDirectory(labs) else {
            throw .usage("the labs folder '\(labs)' is not a directory (from \(origin == .labsOption ? "--labs" : "KDSLAB_LABS"))")
        }
        let parent = Self.parent(of: Self.trimmed(labs))
        let sibling = parent + "/content"
        let hasManifest = (try? io.readCourseFile(parent + "/" + CourseManifest.fileName, limit: 1_048_576)) != nil
        return CourseLocation(labs: labs, content: content ?? (io.isCourseDirectory(sibling) ? sibling : nil),
                              root: hasManifest ? parent : nil, origin: origin)
    }

    /// A course folder named by `--course` or `KDSLAB_COURSE`: it must hold `labs/`.
    private func courseFolder(_ named: String, content: String?, origin: CourseOrigin, io: CommandIO) throws(CommandFailure) -> CourseLocation {
        let source = origin == .courseOption ? "--course" : "KDSLAB_COURSE"
        if named == Self.builtInName {
            var builtIn = CourseLocation.builtIn
            builtIn.origin = origin
            if let content { builtIn.content = content }
            return builtIn
        }
        let root = Self.trimmed(named)
        guard io.isCourseDirectory(root) else {
            throw .usage("the course folder '\(named)' is not a directory (from \(source))")
        }
        guard io.isCourseDirectory(root + "/labs") else {
            throw .usage("'\(named)' is not a course folder: it has no labs/ folder (from \(source)); `kdslab course new ID` makes one")
        }
        let lessons = root + "/content"
        return CourseLocation(labs: root + "/labs", content: content ?? (io.isCourseDirectory(lessons) ? lessons : nil),
                              root: root, origin: origin)
    }

    /// The nearest folder at or above the working directory holding `labs/` and either
    /// `course.json` or `content/`.
    private func foundAbove(io: CommandIO) -> CourseLocation? {
        guard let start = io.currentDirectory else { return nil }
        var dir = Self.trimmed(start)
        while true {
            let root = dir == "/" ? "" : dir
            if io.isDirectory(root + "/labs") {
                let hasContent = io.isDirectory(root + "/content")
                let hasManifest = (try? io.readFile(root + "/" + CourseManifest.fileName, limit: 1_048_576)) != nil
                if hasContent || hasManifest {
                    return CourseLocation(labs: root + "/labs", content: hasContent ? root + "/content" : nil,
                                          root: hasManifest ? (root.isEmpty ? "/" : root) : nil, origin: .foundAbove)
                }
            }
            if dir == "/" || dir.isEmpty || dir == "." { return nil }
            dir = Self.parent(of: dir)
        }
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
