/// Whether `solution` shows the reference solution.
public enum SolutionAccess: Sendable, Equatable {
    /// Yes: the learner passed, or gave up before.
    case show
    /// Yes, and it is a give-up to record.
    case showAndRecordGiveUp
    /// No: the learner has neither passed nor asked to give up.
    case refused
}
