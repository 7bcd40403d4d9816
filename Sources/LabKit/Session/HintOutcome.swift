/// What `hint` shows.
public enum HintOutcome: Sendable, Equatable {
    /// Rung `rung` of `of` for the first failing check; `isNew` is `false` when the ladder's
    /// top rung is shown again (nothing new to record).
    case hint(check: CheckResult, text: String, rung: Int, of: Int, isNew: Bool)
    /// The first failing check has no hints, and neither does the lab.
    case noHints(check: CheckResult)
    /// Every check passes: no hint is needed.
    case allChecksPass
}
