/// How one check went for one submission.
public struct CheckResult: Sendable, Equatable {
    /// The check's id.
    public var id: String
    /// The check's kind (`access`, `exact-access`, …).
    public var kind: String
    /// The check's title.
    public var title: String
    /// Whether it passed.
    public var passed: Bool
    /// Points earned: all of them when it passed; otherwise none, or for a quiz a share for
    /// each right answer.
    public var points: Int
    /// Points it is worth.
    public var maxPoints: Int
    /// One line: what happened, and for a failure, what is wrong.
    public var message: String
    /// Supporting facts, most telling first (which statement, which line).
    public var details: [String]
    /// The place in the submission the message is about (1-based line and column), if any.
    public var line: Int?
    /// The column.
    public var column: Int?

    /// Creates a result.
    public init(id: String, kind: String, title: String, passed: Bool, points: Int, maxPoints: Int, message: String,
                details: [String] = [], line: Int? = nil, column: Int? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.passed = passed
        self.points = points
        self.maxPoints = maxPoints
        self.message = message
        self.details = details
        self.line = line
        self.column = column
    }
}
