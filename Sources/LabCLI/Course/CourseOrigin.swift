/// How kdslab chose the course, in the order it looks (see ``CourseLocator``).
enum CourseOrigin: Equatable {
    /// `--labs DIR` (with `--content DIR` or the `content/` beside it).
    case labsOption
    /// `--course DIR`.
    case courseOption
    /// `KDSLAB_LABS` (with `KDSLAB_CONTENT`).
    case labsEnvironment
    /// `KDSLAB_COURSE`.
    case courseEnvironment
    /// A course folder at or above the working directory.
    case foundAbove
    /// Neither given nor found: the course built into kdslab.
    case builtIn

    /// How it was chosen, for `--version` and `doctor`: `from --course`, `built in`.
    var description: String {
        switch self {
        case .labsOption: "from --labs"
        case .courseOption: "from --course"
        case .labsEnvironment: "from KDSLAB_LABS"
        case .courseEnvironment: "from KDSLAB_COURSE"
        case .foundAbove: "found at or above the working directory"
        case .builtIn: "built into kdslab"
        }
    }
}
