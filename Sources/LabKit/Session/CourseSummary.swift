/// The course at its end: each lab's best score, attempts and hints, the totals, and when
/// the learner started and finished.
public struct CourseSummary: Sendable, Equatable {
    /// One lab's record.
    public struct Row: Sendable, Equatable {
        /// The lab's id.
        public var lab: String
        /// Its title.
        public var title: String
        /// The best score (0 before any attempt).
        public var bestScore: Int
        /// The most it could score.
        public var maxScore: Int
        /// How many attempts were graded.
        public var attempts: Int
        /// How many hints were shown.
        public var hintsUsed: Int
        /// Whether the learner gave up and saw the solution.
        public var solutionViewed: Bool
    }

    /// The labs, in course order.
    public var rows: [Row]
    /// The learner's first recorded activity, if known.
    public var startedAt: UTCTimestamp?
    /// When the last lab was first passed, if any was.
    public var finishedAt: UTCTimestamp?

    /// The summary of `labs` (in course order) from `state`; `startedAt` is the learner's
    /// first recorded activity (the first log line or lesson read).
    public init(labs: [LabDefinition], state: ProgressState, startedAt: UTCTimestamp?) {
        rows = labs.map { lab in
            let p = state[lab.id]
            return Row(lab: lab.id, title: lab.title, bestScore: p.bestScore ?? 0,
                       maxScore: p.maxScore ?? lab.maxScore, attempts: p.attempts,
                       hintsUsed: p.hintsUsed, solutionViewed: p.solutionViewed)
        }
        finishedAt = labs.compactMap { state[$0.id].passedAt }.max()
        self.startedAt = startedAt
    }

    /// The sum of the best scores.
    public var score: Int { rows.reduce(0) { $0 + $1.bestScore } }
    /// The most the course's labs could score.
    public var maxScore: Int { rows.reduce(0) { $0 + $1.maxScore } }
    /// Every hint shown.
    public var hintsUsed: Int { rows.reduce(0) { $0 + $1.hintsUsed } }
    /// Every graded attempt.
    public var attempts: Int { rows.reduce(0) { $0 + $1.attempts } }
    /// The labs whose solution was seen.
    public var solutionsSeen: Int { rows.filter(\.solutionViewed).count }

    /// Seconds from the start to the finish, when both are known.
    public var seconds: Int64? {
        guard let startedAt, let finishedAt else { return nil }
        return max(0, finishedAt.secondsSinceEpoch - startedAt.secondsSinceEpoch)
    }

    /// A duration in words: `under a minute`, `42 min`, `3 h 12 min`, `2 days 5 h`.
    public static func describe(seconds: Int64) -> String {
        let minutes = seconds / 60, hours = minutes / 60, days = hours / 24
        if minutes < 1 { return "under a minute" }
        if hours < 1 { return "\(minutes) min" }
        if days < 1 { return "\(hours) h" + (minutes % 60 == 0 ? "" : " \(minutes % 60) min") }
        return "\(days) day\(days == 1 ? "" : "s")" + (hours % 24 == 0 ? "" : " \(hours % 24) h")
    }
}
