import AWSWire
import Foundation
import KinesisSim

/// Rewrites the `--state` file, now and then, as a shorter one that replays to the same
/// world: the requests that changed anything but records, as they were made, then every
/// shard's records (``JournalRecordsLine``), then what was appended meanwhile.
///
/// How, with the committing thread (``JournalCommitter``) still appending and acknowledging:
/// 1. The committing thread takes a batch and, with it, a copy of the world as that batch
///    left it (``AWSService/takeJournal(snapshot:)``), writes and syncs the batch to the
///    journal as usual, and hands the copy here.
/// 2. A thread of its own writes the snapshot to `FILE.compacting` beside the journal and
///    syncs it, while the committing thread goes on appending to the journal and keeps
///    every batch it appends from then on (the tail).
/// 3. Once the snapshot is on disk, the committing thread, before its next batch, appends
///    the tail to the new file, syncs it, renames it over the journal, syncs the folder, and
///    appends to the new file from then on.
///
/// No request waits for the snapshot; a kill at any moment leaves under the name either the
/// old journal, complete, or the new file, synced with everything the old one held, before
/// anything is appended to it. A leftover `FILE.compacting` is removed at the next start.
/// A compaction that fails before the rename leaves the journal as it was (and says so);
/// a folder that cannot be synced after it stops the server, as a failed append does.
final class JournalCompactor: @unchecked Sendable {
    let journal: StateJournal
    let policy: JournalCompaction
    /// Wakes the committing thread once a snapshot is written (or failed).
    var onWritten: (@Sendable () -> Void)?

    private enum Phase {
        case idle
        case writing
        case written(fd: Int32, length: Int)
        case failed(StateFileError)
    }

    private let condition = NSCondition()
    // INVARIANT: `phase`, `cancelled`, `notices`, `completed` and `snapshotRecords` are read
    // and written with `condition` locked.
    private var phase = Phase.idle
    private var cancelled = false
    private var notices: [String] = []
    private var completed = 0
    /// How many records the last snapshot holds.
    private var snapshotRecords = 0

    // INVARIANT: the variables below belong to the committing thread.
    /// Whether batches appended are kept for the new file.
    private var collecting = false
    /// The batches appended since the snapshot was taken.
    private var tail: [UInt8] = []
    /// The journal's length at which to look at the world's size next.
    private var nextLook = 0
    /// When the compaction under way began, and the journal's length then.
    private var begun: (nanoseconds: UInt64, length: Int)?

    init(journal: StateJournal, policy: JournalCompaction) {
        self.journal = journal
        self.policy = policy
    }

    /// How many compactions have been completed.
    var compactions: Int {
        condition.lock()
        defer { condition.unlock() }
        return completed
    }

    /// Lines for the server's log about compactions since the last call.
    func takeNotices() -> [String] {
        condition.lock()
        defer { condition.unlock() }
        defer { notices = [] }
        return notices
    }

    /// Whether a snapshot is written (or failed) and waits for ``finishIfReady()``.
    var isReady: Bool {
        condition.lock()
        defer { condition.unlock() }
        switch phase {
        case .written, .failed: return true
        case .idle, .writing: return false
        }
    }

    private var isIdle: Bool {
        condition.lock()
        defer { condition.unlock() }
        if case .idle = phase { return true }
        return false
    }

    /// Committing thread: whether the next batch should come with a snapshot, the file
    /// having grown past the policy. Looks at the world's size (under the service's lock)
    /// only every ``JournalCompaction/checkInterval`` bytes.
    func wantsSnapshot(of service: AWSService) -> Bool {
        guard journal.length >= nextLook, journal.length >= policy.minimumBytes, isIdle else { return false }
        nextLook = journal.length + policy.checkInterval
        let records = service.withWorld { $0.storedRecords }
        let estimate = JournalCompaction.snapshotBytes(keptLines: journal.keptLines.count, records: records)
        return policy.wantsCompaction(length: journal.length, snapshotBytes: estimate)
    }

    /// Committing thread: starts writing the snapshot of `world`, which the batch just
    /// appended left as it is.
    func start(_ world: KinesisWorld) {
        condition.lock()
        phase = .writing
        cancelled = false
        condition.unlock()
        collecting = true
        tail = []
        begun = (ServeEndpoint.monotonicNanoseconds(), journal.length)
        let kept = journal.keptLines
        let thread = Thread { [self] in writeSnapshot(world, kept: kept) }
        thread.name = "kdslab-compaction"
        thread.start()
    }

    /// Committing thread: a batch was appended to the journal.
    func didAppend(_ bytes: [UInt8]) {
        if collecting { tail += bytes }
    }

    /// The snapshot's thread: writes the kept lines and the records to the new file, syncs it.
    private func writeSnapshot(_ world: KinesisWorld, kept: [UInt8]) {
        let path = journal.replacementPath
        var records = 0
        let outcome: Phase
        do throws(StateFileError) {
            let fd = try StateFileIO.createReplacement(path)
            do throws(StateFileError) {
                try StateFileIO.append(kept, to: fd, path: path)
                var length = kept.count
                var pending: [UInt8] = []
                var failure: StateFileError?
                records = JournalRecordsLine.write(world) { line in
                    guard failure == nil, !isCancelled else { return false }
                    pending += line
                    guard pending.count >= 4 << 20 else { return true }
                    do throws(StateFileError) {
                        try StateFileIO.append(pending, to: fd, path: path)
                    } catch {
                        failure = error
                        return false
                    }
                    length += pending.count
                    pending.removeAll(keepingCapacity: true)
                    return true
                }
                if let failure { throw failure }
                try StateFileIO.append(pending, to: fd, path: path)
                length += pending.count
                try StateFileIO.sync(fd, path: path)
                outcome = .written(fd: fd, length: length)
            } catch {
                StateFileIO.closeFile(fd)
                StateFileIO.removeLeftover(path)
                throw error
            }
        } catch {
            outcome = .failed(error)
        }
        condition.lock()
        phase = outcome
        snapshotRecords = records
        condition.broadcast()
        condition.unlock()
        onWritten?()
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Committing thread: once the snapshot is on disk, puts the new file in the journal's
    /// place (see the steps above). Returns a failure only when the server must stop: the
    /// folder could not be synced after the rename.
    func finishIfReady() -> StateFileError? {
        condition.lock()
        let current = phase
        let records = snapshotRecords
        switch current {
        case .written, .failed: phase = .idle
        case .idle, .writing: break
        }
        condition.unlock()
        switch current {
        case .idle, .writing:
            return nil
        case .failed(let error):
            giveUp(error)
            return nil
        case .written(let fd, let length):
            let path = journal.replacementPath
            do throws(StateFileError) {
                try StateFileIO.append(tail, to: fd, path: path)
                try StateFileIO.sync(fd, path: path)
                try StateFileIO.move(path, over: journal.path)
            } catch {
                StateFileIO.closeFile(fd)
                StateFileIO.removeLeftover(path)
                giveUp(error)
                return nil
            }
            let newLength = length + tail.count
            let before = begun
            journal.replaceFile(with: fd, length: newLength)
            collecting = false
            tail = []
            begun = nil
            nextLook = newLength + policy.checkInterval
            do throws(StateFileError) {
                try StateFileIO.syncDirectory(of: journal.path)
            } catch {
                return error
            }
            let ms = before.map { Double(ServeEndpoint.monotonicNanoseconds() - $0.nanoseconds) / 1e6 } ?? 0
            condition.lock()
            completed += 1
            notices.append("kdslab: compacted \(journal.path): \(before?.length ?? 0) bytes to \(newLength) "
                + "(\(records) records, \(journal.keptLines.count) bytes of other requests) in \(Int(ms.rounded())) ms")
            condition.unlock()
            return nil
        }
    }

    /// The compaction failed before the rename: the journal is as it was; try again once it
    /// has grown some more.
    private func giveUp(_ error: StateFileError) {
        collecting = false
        tail = []
        begun = nil
        nextLook = journal.length + policy.checkInterval
        condition.lock()
        notices.append("kdslab: could not compact \(journal.path) (\(error)); it is unchanged and holds every change")
        condition.unlock()
    }

    /// Committing thread, stopping: abandons a compaction under way (waiting for its
    /// thread) and removes its file. The journal is complete without it.
    func cancel() {
        condition.lock()
        cancelled = true
        while case .writing = phase { condition.wait() }
        let current = phase
        phase = .idle
        condition.unlock()
        if case .written(let fd, _) = current {
            StateFileIO.closeFile(fd)
            StateFileIO.removeLeftover(journal.replacementPath)
        }
        collecting = false
        tail = []
    }
}
