/// A learner's record for one lab.
public struct LabProgress: Sendable, Hashable {
    /// Where the learner stands.
    public var status: LabStatus
    /// The highest score of any attempt, or `nil` before the first.
    public var bestScore: Int?
    /// The most a submission could score, as of the last attempt.
    public var maxScore: Int?
    /// How many attempts were graded.
    public var attempts: Int
    /// When the last attempt was graded.
    public var lastAttemptAt: UTCTimestamp?
    /// How many hints were shown.
    public var hintsUsed: Int
    /// Whether the solution was shown (the learner gave up), even if they passed later.
    public var solutionViewed: Bool
    /// When an attempt first passed.
    public var passedAt: UTCTimestamp?

    /// Creates a record; the defaults are a lab not started.
    public init(status: LabStatus = .notStarted, bestScore: Int? = nil, maxScore: Int? = nil,
                attempts: Int = 0, lastAttemptAt: UTCTimestamp? = nil, hintsUsed: Int = 0,
                solutionViewed: Bool = false, passedAt: UTCTimestamp? = nil) {
        self.status = status
        self.bestScore = bestScore
        self.maxScore = maxScore
        self.attempts = attempts
        self.lastAttemptAt = lastAttemptAt
        self.hintsUsed = hintsUsed
        self.solutionViewed = solutionViewed
        self.passedAt = passedAt
    }

    /// A lab with nothing recorded.
    public static let notStarted = LabProgress()
}
