/// One line of the attempt log: something that changed a lab's progress.
///
/// Replaying every event of the log from an empty ``ProgressState`` rebuilds the state.
public enum ProgressEvent: Sendable, Hashable {
    /// A graded submission.
    case attempt(Attempt)
    /// A hint was shown.
    case hint(lab: String, at: UTCTimestamp)
    /// The learner gave up and saw the solution.
    case gaveUp(lab: String, at: UTCTimestamp)
    /// The learner reset the lab (its history stays in the log).
    case reset(lab: String, at: UTCTimestamp)

    /// The lab the event is about.
    public var lab: String {
        switch self {
        case .attempt(let a): a.lab
        case .hint(let lab, _), .gaveUp(let lab, _), .reset(let lab, _): lab
        }
    }

    /// When it happened.
    public var at: UTCTimestamp {
        switch self {
        case .attempt(let a): a.at
        case .hint(_, let at), .gaveUp(_, let at), .reset(_, let at): at
        }
    }

    /// The event's name in the log: `attempt`, `hint`, `gaveUp` or `reset`.
    public var name: String {
        switch self {
        case .attempt: "attempt"
        case .hint: "hint"
        case .gaveUp: "gaveUp"
        case .reset: "reset"
        }
    }
}
