import LabKit

/// Why the file-backed progress store could not do what was asked.
public enum ProgressStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another session held the lock for longer than the timeout.
    case lockTimeout(path: String, seconds: Int)
    /// A system call failed: what was being done, to which path, and the system's reason.
    case fileSystem(action: String, path: String, reason: String)
    /// The progress file was written by a newer kdslab; it is left as it is.
    case unsupportedFormat(path: String, ProgressFormatError)
    /// A lab id that cannot name a file.
    case invalidLabID(String)

    /// One line for people.
    public var description: String {
        switch self {
        case .lockTimeout(let path, let seconds):
            "another kdslab session holds the progress lock (\(path)) and did not let go within \(seconds) s; finish or close it and try again"
        case .fileSystem(let action, let path, let reason):
            "cannot \(action) \(path): \(reason)"
        case .unsupportedFormat(let path, let error):
            "\(path): \(error); the file was left as it is"
        case .invalidLabID(let id):
            "invalid lab id `\(id)`: use letters, digits, '.', '-' and '_', not starting with '.'"
        }
    }
}
