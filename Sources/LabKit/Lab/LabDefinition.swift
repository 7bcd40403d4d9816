/// A lab as its `lab.json` defines it: what it teaches, the world, the slot the learner's
/// submission fills, and the checks that grade it.
public struct LabDefinition: Sendable, Equatable {
    /// The lab's id, equal to its folder's name (`producer-only`).
    public var id: String
    /// Its title (`Write a producer-only policy`).
    public var title: String
    /// Its place in the course: labs are listed by order, then id.
    public var order: Int
    /// How hard it is, 1 (first steps) to 5.
    public var difficulty: Int
    /// The ids of the lessons it belongs to.
    public var lessons: [String]
    /// The world it runs in.
    public var world: WorldSpec
    /// What the submission is.
    public var submission: SubmissionSlot
    /// The checks, in the order they are graded and reported.
    public var checks: [CheckSpec]
    /// The lab-wide hint ladder, used when the failing check has no hints of its own.
    public var hints: [String]

    /// Creates a definition.
    public init(id: String, title: String, order: Int = 0, difficulty: Int = 1, lessons: [String] = [],
                world: WorldSpec, submission: SubmissionSlot, checks: [CheckSpec], hints: [String] = []) {
        self.id = id
        self.title = title
        self.order = order
        self.difficulty = difficulty
        self.lessons = lessons
        self.world = world
        self.submission = submission
        self.checks = checks
        self.hints = hints
    }

    /// The most points a submission can earn.
    public var maxScore: Int { checks.reduce(0) { $0 + $1.points } }
}
