/// Where a learner stands with one lab.
///
/// Passing after giving up makes the status `passed`; ``LabProgress/solutionViewed`` keeps
/// the record that the solution was seen.
public enum LabStatus: String, Sendable, Hashable, CaseIterable {
    /// No attempt, hint or give-up recorded.
    case notStarted
    /// At least one attempt or hint, not passed yet.
    case inProgress
    /// An attempt passed.
    case passed
    /// The learner gave up and was shown the solution, and has not passed since.
    case gaveUp
}
