/// One submission's grade: every check's result, the score, and a parse error if the
/// submission could not be read.
public struct GradeReport: Sendable, Equatable {
    /// The submission's name (its file, or the learner's id).
    public var submission: String
    /// The lab's id.
    public var lab: String
    /// Whether every check passed.
    public var passed: Bool
    /// Points earned.
    public var score: Int
    /// Points available.
    public var maxScore: Int
    /// Each check, in the lab's order.
    public var checks: [CheckResult]
    /// Why the submission could not be graded at all (empty, malformed), with its position.
    public var error: SubmissionError?

    /// Creates a report, computing `passed` and `score` from `checks`.
    public init(submission: String, lab: String, checks: [CheckResult], maxScore: Int, error: SubmissionError? = nil) {
        self.submission = submission
        self.lab = lab
        self.checks = checks
        self.maxScore = maxScore
        self.score = checks.reduce(0) { $0 + $1.points }
        self.passed = error == nil && checks.allSatisfy(\.passed)
        self.error = error
    }

    /// The checks that failed.
    public var failedChecks: [CheckResult] { checks.filter { !$0.passed } }
}

/// A submission that cannot be graded: what is wrong and where.
public struct SubmissionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line, IAM's wording where IAM has one.
    public var message: String
    /// 1-based line (0 when about the whole submission).
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates an error.
    public init(message: String, line: Int = 0, column: Int = 0) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line 3, column 7: …`
    public var description: String {
        line > 0 ? "line \(line), column \(column): \(message)" : message
    }
}
