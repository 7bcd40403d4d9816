/// Decides when `watch` re-grades: whenever the draft file's stamp (modification time and
/// size) differs from the one last graded, including its first sighting and its return
/// after being missing.
struct DraftWatch: Equatable {
    /// What identifies one version of the file.
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
    }

    /// What to do after looking at the file.
    enum Action: Equatable {
        /// Nothing changed.
        case wait
        /// The file is new or changed: grade it.
        case grade
        /// The file went away (an editor that deletes and rewrites): say so once.
        case missing
    }

    /// The stamp last acted on; `.none` before the first look, `.some(nil)` while missing.
    private var last: Stamp??

    /// Notes what the file looks like now and says what to do.
    mutating func observe(_ stamp: Stamp?) -> Action {
        if let last, last == stamp { return .wait }
        last = .some(stamp)
        return stamp == nil ? .missing : .grade
    }
}
