import IAMPolicy

/// The UPDATING transition, taken from the world before `modifyStream` and applied inside
/// it (where the world itself is busy and cannot be read).
struct UpdateTransition {
    /// When the change started.
    var now: Timestamp
    /// How long the stream stays UPDATING; 0 means the change is immediate.
    var milliseconds: Int64

    /// Marks `s` UPDATING until the transition ends (or leaves it ACTIVE when instant).
    func begin(on s: inout Stream) {
        guard milliseconds > 0 else { return }
        s.status = .updating
        s.statusUntil = now.adding(milliseconds: milliseconds)
    }
}

extension KinesisWorld {
    /// The UPDATING transition a change starting now takes.
    var updateTransition: UpdateTransition {
        UpdateTransition(now: now, milliseconds: settings.updatingMilliseconds)
    }
}
