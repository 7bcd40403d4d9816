import IAMPolicy

/// One thing `kdslab doctor` looked at: what it found, and what to do when it is missing.
struct DoctorCheck: Equatable {
    /// How it stands.
    enum Status: String, Equatable {
        /// Found and usable.
        case ok
        /// Missing or unusable, but kdslab works without it (a feature is lost).
        case missing
        /// kdslab cannot work as it is.
        case problem
    }

    /// What was checked: `course`, `state folder`, `pager`, `editor`, `terminal`, `colour`,
    /// `aws CLI`, `boto3`.
    var name: String
    var status: Status
    /// What was found, in a line.
    var found: String
    /// What to do about it (`nil` when there is nothing to do).
    var fix: String?

    /// The check as JSON.
    var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("status", .string(status.rawValue)),
            ("found", .string(found)),
            ("fix", fix.map { .string($0) } ?? .null),
        ])
    }
}
