/// What one mutation did to one lab's record: the record before and after.
public struct ProgressChange: Sendable, Hashable {
    /// The lab's id.
    public var lab: String
    /// The record before the change.
    public var before: LabProgress
    /// The record after it.
    public var after: LabProgress

    /// Creates a change.
    public init(lab: String, before: LabProgress, after: LabProgress) {
        self.lab = lab
        self.before = before
        self.after = after
    }

    /// Whether anything changed at all.
    public var changed: Bool { before != after }

    /// Whether the best score went up (the first graded attempt counts).
    public var isNewBest: Bool {
        guard let new = after.bestScore else { return false }
        return before.bestScore.map { new > $0 } ?? true
    }

    /// Whether this change made the lab pass for the first time.
    public var isFirstPass: Bool { before.passedAt == nil && after.passedAt != nil }

    /// Whether the status moved.
    public var statusChanged: Bool { before.status != after.status }
}
