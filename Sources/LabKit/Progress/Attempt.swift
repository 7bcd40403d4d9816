/// One graded submission, as the attempt log records it.
public struct Attempt: Sendable, Hashable {
    /// The lab's id.
    public var lab: String
    /// When it was graded.
    public var at: UTCTimestamp
    /// The score it earned.
    public var score: Int
    /// The most it could have earned.
    public var maxScore: Int
    /// Whether it passed.
    public var passed: Bool
    /// The SHA-256 of the submission's bytes, as 64 lowercase hex digits.
    public var submissionSHA256: String
    /// How many hints the learner had seen for this lab when submitting.
    public var hintsUsed: Int

    /// Creates an attempt.
    public init(lab: String, at: UTCTimestamp, score: Int, maxScore: Int, passed: Bool,
                submissionSHA256: String, hintsUsed: Int) {
        self.lab = lab
        self.at = at
        self.score = score
        self.maxScore = maxScore
        self.passed = passed
        self.submissionSHA256 = submissionSHA256
        self.hintsUsed = hintsUsed
    }
}
