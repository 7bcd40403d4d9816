/// Where a course's files are: the `labs/` folder, `content/` when there is one, and the
/// course folder (holding `course.json`) when the course has one.
struct CourseLocation: Equatable {
    /// The folder holding one folder per lab.
    var labs: String
    /// The folder holding the lessons (`NN-id.md`), if any.
    var content: String?
    /// The course folder: where `course.json` is looked for. `nil` when only a labs folder
    /// was named and no `course.json` is beside it.
    var root: String?
    /// How the course was chosen.
    var origin: CourseOrigin = .labsOption

    /// Creates a location.
    init(labs: String, content: String?, root: String? = nil, origin: CourseOrigin = .labsOption) {
        self.labs = labs
        self.content = content
        self.root = root
        self.origin = origin
    }

    /// The course built into kdslab.
    static let builtIn = CourseLocation(labs: BuiltinCourseMount.root + "/labs", content: BuiltinCourseMount.root + "/content",
                                        root: BuiltinCourseMount.root, origin: .builtIn)

    /// Whether this is the course built into kdslab (nothing there can be changed).
    var isBuiltIn: Bool { BuiltinCourseMount.contains(labs) }

    /// The options that choose this same course again, for a command run on the REPL's behalf.
    var arguments: [String] {
        if let root, labs == root + "/labs", content == nil || content == root + "/content" {
            return ["--course", isBuiltIn ? CourseLocator.builtInName : root]
        }
        return ["--labs", labs] + (content.map { ["--content", $0] } ?? [])
    }
}
