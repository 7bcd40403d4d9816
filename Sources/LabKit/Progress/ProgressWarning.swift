/// Something a progress store repaired and the learner should hear about.
public enum ProgressWarning: Sendable, Hashable, CustomStringConvertible {
    /// The progress file could not be read; it was renamed, and the state was rebuilt from
    /// `rebuiltFromLogLines` log lines, or started fresh (`nil`, with the log's problem if any).
    case unreadableFileSetAside(file: String, keptAs: String, reason: ProgressFormatError,
                                rebuiltFromLogLines: Int?, logProblem: LogVerification?)
    /// The log ended in an unfinished line (a session was killed while appending); its bytes
    /// were moved to `keptAs` and removed from the log.
    case unfinishedLogLineSetAside(file: String, keptAs: String, line: Int)

    /// One line for people.
    public var description: String {
        switch self {
        case .unreadableFileSetAside(let file, let keptAs, let reason, let lines, let logProblem):
            let outcome: String
            if let lines {
                outcome = "rebuilt it from the attempt log (\(lines) \(lines == 1 ? "line" : "lines"))"
            } else if let logProblem {
                outcome = "started fresh because the \(logProblem)"
            } else {
                outcome = "started fresh"
            }
            return "\(file) was unreadable (\(reason)); kept it as \(keptAs) and \(outcome)"
        case .unfinishedLogLineSetAside(let file, let keptAs, let line):
            return "\(file) ended in an unfinished line \(line) from an interrupted session; moved it to \(keptAs)"
        }
    }
}
