/// The result of checking the attempt log's hash chain.
///
/// Each line carries, as `prev`, the SHA-256 of the line before it (64 zeros on the first
/// line), and `progress.json` remembers the hash of the last line it reflects, so a line
/// changed or removed anywhere — the last one included — is noticed. Someone who rewrites
/// the chain and `progress.json` consistently is not: see ``promise``.
public enum LogVerification: Sendable, Hashable, CustomStringConvertible {
    /// What a verification shows and what it does not, for people; said with every
    /// `kdslab progress --verify`.
    // INVARIANT: the hashes are unkeyed (SHA-256 of the previous line), so anyone who can
    // write the files can recompute them; do not promise more than this says.
    public static let promise = "What this shows: the hash chain detects accidental damage (a torn or corrupted file) "
        + "and naive edits to attempts.log or progress.json. It does not detect someone who edits the log and "
        + "recomputes the hashes: everything needed to do that is on this machine. Instructors grade submissions "
        + "(kdslab grade), not local progress."

    /// Every line is in place.
    case intact(lines: Int)
    /// Every complete line is in place, but the file ends in an unfinished line (a session
    /// was killed while appending). The next write sets it aside and removes it.
    case tornTail(lines: Int)
    /// The first line at which the chain does not hold, and why.
    case broken(line: Int, problem: LogProblem)

    /// Whether no line was changed or removed (an unfinished last line is not a change).
    public var isIntact: Bool {
        if case .broken = self { return false }
        return true
    }

    /// One line for people.
    public var description: String {
        switch self {
        case .intact(let n):
            "attempt log intact (\(n) \(n == 1 ? "line" : "lines"))"
        case .tornTail(let n):
            "attempt log intact (\(n) \(n == 1 ? "line" : "lines")), with an unfinished last line from an interrupted session; it will be set aside"
        case .broken(let line, let problem):
            "attempt log NOT intact at line \(line): \(problem)"
        }
    }
}

/// Why the attempt log's chain breaks at a line.
public enum LogProblem: Sendable, Hashable, CustomStringConvertible {
    /// The line is not a log entry.
    case unreadable(ProgressFormatError)
    /// The line's `prev` is not the hash of the line before it.
    case chainBroken
    /// The log is shorter than `progress.json` recorded.
    case linesRemoved(recorded: Int)
    /// The line is the last one `progress.json` reflects, and its hash differs from the one recorded.
    case lastLineChanged

    /// One phrase for people.
    public var description: String {
        switch self {
        case .unreadable(let error): "not a log entry (\(error))"
        case .chainBroken: "its `prev` is not the hash of the line before (that line or this one was edited, or lines were removed)"
        case .linesRemoved(let recorded): "the log ends here, but progress.json recorded \(recorded) lines (lines were removed)"
        case .lastLineChanged: "it differs from the line progress.json recorded (it was edited)"
        }
    }
}
