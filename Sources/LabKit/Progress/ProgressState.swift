/// Everything kdslab remembers about a learner's labs: one record per lab that has any.
///
/// A value: the mutating functions in `ProgressState+Recording.swift` change it and return
/// a ``ProgressChange``; a ``ProgressStore`` saves it.
public struct ProgressState: Sendable, Hashable {
    /// The file format this version of kdslab reads and writes.
    public static let currentFormatVersion = 1

    /// The format of the file this state was read from (``currentFormatVersion`` when new).
    public var formatVersion: Int
    /// Records by lab id; a lab without one has not been started.
    public var labs: [String: LabProgress]
    /// The prefix of the attempt log this state reflects.
    public var log: LogHead

    /// Creates a state; the defaults are a learner who has done nothing yet.
    public init(formatVersion: Int = ProgressState.currentFormatVersion,
                labs: [String: LabProgress] = [:], log: LogHead = .empty) {
        self.formatVersion = formatVersion
        self.labs = labs
        self.log = log
    }

    /// The record for `lab` (``LabProgress/notStarted`` when there is none).
    public subscript(lab: String) -> LabProgress {
        labs[lab] ?? .notStarted
    }

    /// Rebuilds a state by replaying `events` in order from an empty one.
    public static func replaying(_ events: some Sequence<ProgressEvent>) -> ProgressState {
        var state = ProgressState()
        for event in events { state.apply(event) }
        return state
    }
}
