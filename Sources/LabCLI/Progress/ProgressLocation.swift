/// Where progress lives: the state folder is `$KDSLAB_HOME`, else `$XDG_STATE_HOME/kdslab`,
/// else `$HOME/.local/state/kdslab`; each course keeps its progress in a folder of its own
/// there (``folder(state:courseID:)``).
enum ProgressLocation {
    /// The id of kdslab's own course (the built-in one), whose progress stays where all
    /// progress was kept before course packs: the state folder itself. A test checks that
    /// the built-in `course.json` still has this id; changing either would hide every
    /// existing learner's progress.
    static let originalCourseID = "kinesis-security"

    /// The state folder for `environment`, or `nil` when none of the variables is usable.
    ///
    /// Empty values count as unset; a relative `XDG_STATE_HOME` is ignored, as the XDG Base
    /// Directory specification asks.
    static func resolve(environment: (String) -> String?) -> String? {
        func value(_ name: String) -> String? {
            guard let v = environment(name), !v.isEmpty else { return nil }
            return v
        }
        if let home = value("KDSLAB_HOME") { return home }
        if let state = value("XDG_STATE_HOME"), state.hasPrefix("/") { return trimmed(state) + "/kdslab" }
        if let home = value("HOME") { return trimmed(home) + "/.local/state/kdslab" }
        return nil
    }

    /// The progress folder of the course with `courseID` in the state folder `state`:
    /// `state` itself for kdslab's own course (``originalCourseID``) and for a course folder
    /// without `course.json` (`nil`), as before course packs, so nobody's progress moves;
    /// `state/courses/ID` for any other course, so two courses never share progress (even
    /// when their labs have the same ids).
    static func folder(state: String, courseID: String?) -> String {
        guard let courseID, courseID != originalCourseID else { return state }
        return trimmed(state) + "/courses/" + courseID
    }

    private static func trimmed(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return p == "/" ? "" : String(p)
    }
}
