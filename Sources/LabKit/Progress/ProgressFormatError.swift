/// Why a progress file or log line could not be read as progress.
public enum ProgressFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not JSON (the reader's position and message).
    case notJSON(line: Int, column: Int, message: String)
    /// A value is missing or of the wrong kind; `path` is like `labs.iam-101.attempts`.
    case wrongShape(path: String, expected: String)
    /// The file was written by a newer kdslab.
    case unsupportedFormatVersion(found: Int, supported: Int)

    /// One line, without the file's name.
    public var description: String {
        switch self {
        case .notJSON(let line, let column, let message):
            "line \(line), column \(column): \(message)"
        case .wrongShape(let path, let expected):
            "`\(path)` should be \(expected)"
        case .unsupportedFormatVersion(let found, let supported):
            "formatVersion \(found) is newer than this kdslab reads (\(supported)); update kdslab"
        }
    }
}
