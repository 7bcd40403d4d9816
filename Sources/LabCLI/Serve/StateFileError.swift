/// Why the `--state` file could not be used: what was being done, to which path, and the
/// system's reason (or kdslab's).
struct StateFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done: `open`, `write to`, `fdatasync`.
    var action: String
    /// The state file's path as given.
    var path: String
    /// The system's reason (`Not a directory`), or kdslab's.
    var reason: String

    /// `cannot ACTION 'PATH': REASON`.
    var description: String { "cannot \(action) '\(path)': \(reason)" }
}
