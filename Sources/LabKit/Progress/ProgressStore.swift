/// Where a learner's progress lives: the state, the attempt log and the drafts.
///
/// LabKit defines the contract; the command line implements it with files
/// (`FileProgressStore`). Every read-modify-write is atomic with respect to other sessions.
public protocol ProgressStore: AnyObject {
    /// The current state, caught up with any log lines it does not reflect yet.
    func load() throws -> ProgressState

    /// Reads, changes and saves the state as one step no other session can interleave with;
    /// returns the saved state.
    @discardableResult
    func update(_ change: (inout ProgressState) -> Void) throws -> ProgressState

    /// Appends `event` to the attempt log and applies it to the state, as one step.
    @discardableResult
    func record(_ event: ProgressEvent) throws -> ProgressChange

    /// Appends `event` to the attempt log only; the state catches up at the next load.
    func append(_ event: ProgressEvent) throws

    /// Checks the attempt log's hash chain.
    func verifyLog() throws -> LogVerification

    /// Every event in the log's complete, readable lines, in order.
    func events() throws -> [ProgressEvent]

    /// The learner's saved draft for `lab`, or `nil` when there is none.
    func draft(for lab: String) throws -> String?

    /// Saves the learner's draft for `lab`.
    func saveDraft(_ text: String, for lab: String) throws

    /// Where the draft for `lab` lives, for the learner to open in an editor.
    func draftPath(for lab: String) throws -> String

    /// The repairs made since the last call, to tell the learner about (and then forget).
    func takeWarnings() -> [ProgressWarning]
}

extension ProgressStore {
    /// Appends a graded attempt to the log and applies it to the state.
    @discardableResult
    public func appendAttempt(_ attempt: Attempt) throws -> ProgressChange {
        try record(.attempt(attempt))
    }
}
