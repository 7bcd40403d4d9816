/// Something wrong in a lab's files, said as a compiler would: `file:line:column: message`.
public struct LabProblem: Sendable, Equatable, CustomStringConvertible {
    /// How bad it is: an error makes the lab unusable; a warning is advice.
    public enum Severity: String, Sendable, Equatable {
        case error, warning
    }

    /// The file, relative to the lab folder (`lab.json`, `solution.json`).
    public var file: String
    /// 1-based line, or 0 when the problem is about the whole file.
    public var line: Int
    /// 1-based column, or 0 when the problem is about the whole file.
    public var column: Int
    /// One line saying what is wrong.
    public var message: String
    /// Error or warning.
    public var severity: Severity

    /// Creates a problem.
    public init(file: String, line: Int = 0, column: Int = 0, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `lab.json:12:5: error: …`
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(severity.rawValue): \(message)"
    }
}
