import IAMPolicy
import KinesisSim

/// How long the served world's lifecycle transitions last (``TransitionTimes``), kept in the
/// journal like a change: `kdslab serve --transitions` sets them once its state file is
/// replayed, and the journal then holds a `kdslab SetTransitions` entry before the requests
/// made under them. A replay sets them where the entry stands, so every replayed call meets
/// the stream and consumer states it met when it was made (a SplitShard 200 ms after its
/// CreateStream succeeds when transitions were instant, and could not have been journaled
/// under 500 ms ones). A journal without such an entry was written when serve's transitions
/// were all instant, and replays so.
extension AWSService {
    /// The world's transition times now.
    public var transitions: TransitionTimes {
        withWorld { $0.settings.transitions }
    }

    /// Makes transitions started from `now` on last `times` (the world's clock moves to `now`
    /// first), journaling the change when a journal is kept; nothing when they are already
    /// `times`. A transition under way keeps the end it was given. Returns the journal
    /// position of the change's entry, when one was journaled.
    @discardableResult
    public func setTransitions(_ times: TransitionTimes, now: Timestamp) -> UInt64? {
        state.withLock { s -> UInt64? in
            s.world.advance(to: now)
            guard s.world.settings.transitions != times else { return nil }
            s.world.settings.transitions = times
            let before = s.journalPosition
            s.record(JournalEntry(transitions: times, at: s.world.now))
            return s.journalPosition == before ? nil : s.journalPosition
        }
    }
}

extension JournalEntry {
    /// The `service` of entries kdslab makes itself, which are settings rather than requests.
    static let kdslabService = "kdslab"
    /// The operation of a transition-times entry.
    static let setTransitionsOperation = "SetTransitions"

    /// A `kdslab SetTransitions` entry: from `time` on, transitions last `times`. It names no
    /// key, caller or region; its body gives the four durations in milliseconds.
    init(transitions times: TransitionTimes, at time: Timestamp) {
        let body = JSONValue.object([
            ("creatingMilliseconds", .number(literal: String(times.creatingMilliseconds))),
            ("updatingMilliseconds", .number(literal: String(times.updatingMilliseconds))),
            ("deletingMilliseconds", .number(literal: String(times.deletingMilliseconds))),
            ("consumerMilliseconds", .number(literal: String(times.consumerMilliseconds))),
        ])
        self.init(time: time, service: Self.kdslabService, operation: Self.setTransitionsOperation, accessKeyId: "",
                  callerArn: "", region: "", body: JSONWriter.string(body))
    }

    /// Whether the entry is a request a client made, rather than a setting kdslab journaled.
    public var isRequest: Bool {
        service != Self.kdslabService
    }

    /// The times a `SetTransitions` entry's body gives: four whole numbers of milliseconds,
    /// none negative; `nil` otherwise.
    var transitionTimes: TransitionTimes? {
        guard let body = try? JSONReader().read(self.body) else { return nil }
        func milliseconds(_ name: String) -> Int64? {
            guard case .number(let text)? = body[name]?.kind, let n = Int64(text), n >= 0 else { return nil }
            return n
        }
        guard let creating = milliseconds("creatingMilliseconds"), let updating = milliseconds("updatingMilliseconds"),
              let deleting = milliseconds("deletingMilliseconds"), let consumer = milliseconds("consumerMilliseconds") else {
            return nil
        }
        return TransitionTimes(creatingMilliseconds: creating, updatingMilliseconds: updating,
                               deletingMilliseconds: deleting, consumerMilliseconds: consumer)
    }
}

extension ServiceState {
    /// Applies a `kdslab` entry (a setting) at its time; the problem when it cannot be.
    mutating func replaySetting(_ entry: JournalEntry) -> String? {
        world.advance(to: entry.time)
        guard entry.operation == JournalEntry.setTransitionsOperation else {
            return "`\(entry.operation)` is not a kdslab setting"
        }
        guard let times = entry.transitionTimes else {
            return "the body does not give the four transition times in milliseconds"
        }
        world.settings.transitions = times
        return nil
    }
}
