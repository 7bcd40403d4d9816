import AWSWire
import Foundation

/// Group commit for the `--state` journal: one thread takes every entry the service queued
/// since its last sync, writes them with one `write`, syncs once (`fdatasync`) and then
/// releases every request waiting for them. A request is acknowledged only once its entry is
/// on the disk; requests arriving while a sync is under way share the next one.
///
/// Waiting costs no thread: ``whenKept(_:_:)`` takes a callback, which the committing thread
/// calls once the position is on disk (or will never be). The server's handler hands its
/// response over in that callback, so any number of requests can share a sync however few
/// worker threads the server has.
///
/// Positions are the service's (``ServiceAnswer/journalPosition``): this thread is the only
/// one taking entries, so the entries it has taken are exactly positions `1 … kept`.
///
/// After a failed write or sync nothing more is written (what the disk holds after a failed
/// sync is unknown): every waiting and later request is refused, and ``failure`` says why.
///
/// With a ``JournalCompaction`` policy, the thread also starts compactions when the file
/// has grown past it (see ``JournalCompactor``).
final class JournalCommitter: @unchecked Sendable {
    /// Called once a position is kept (`nil`), or with the reason it never will be.
    typealias Release = @Sendable (StateFileError?) -> Void

    private let service: AWSService
    private let journal: StateJournal
    private let lock = CommitLock()
    // INVARIANT: the variables below are read and written only with `lock` held.
    /// The highest position a request waits for.
    private var requested: UInt64 = 0
    /// Every entry up to this position is on the disk.
    private var kept: UInt64 = 0
    private var failed: StateFileError?
    private var stopping = false
    private var finished = false
    private var syncs = 0
    /// The requests waiting for their position, in the order they asked.
    private var waiting: [(position: UInt64, release: Release)] = []

    /// Rewrites the file when it grows past its policy; `nil` never compacts.
    let compactor: JournalCompactor?

    /// A committer for `service`'s journal into `journal`; call ``start()``.
    init(service: AWSService, journal: StateJournal, compaction: JournalCompaction? = nil) {
        self.service = service
        self.journal = journal
        compactor = compaction.map { JournalCompactor(journal: journal, policy: $0) }
        compactor?.onWritten = { [lock] in
            lock.lock()
            lock.wakeCommitter()
            lock.unlock()
        }
    }

    /// Starts the committing thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "kdslab-journal"
        thread.start()
    }

    /// Calls `release` once the entry at `position` is on the disk (`nil`), or with the
    /// failure when it never will be: at once when that is already known, else later from
    /// the committing thread.
    func whenKept(_ position: UInt64, _ release: @escaping Release) {
        lock.lock()
        guard kept < position && failed == nil && !finished else {
            let outcome = kept >= position ? nil : failed ?? stoppedEarly
            lock.unlock()
            release(outcome)
            return
        }
        if position > requested {
            requested = position
            lock.wakeCommitter()
        }
        waiting.append((position, release))
        lock.unlock()
    }

    /// Blocks until the entry at `position` is on the disk; the failure when it will never be.
    func waitUntilKept(_ position: UInt64) -> StateFileError? {
        let done = NSCondition()
        nonisolated(unsafe) var outcome: StateFileError?
        nonisolated(unsafe) var released = false
        whenKept(position) { failure in
            done.lock()
            outcome = failure
            released = true
            done.signal()
            done.unlock()
        }
        done.lock()
        defer { done.unlock() }
        while !released { done.wait() }
        return outcome
    }

    /// What a request hears when the committer stopped before writing its entry (only when
    /// ``stop()`` is called with requests still under way, which the server never does).
    private var stoppedEarly: StateFileError {
        StateFileError(action: "write to", path: journal.path, reason: "the journal was closed")
    }

    /// With the lock held: takes off the list every request whose position is kept (or all,
    /// once nothing more will be), for the caller to release after unlocking.
    private func takeReleased() -> [(release: Release, outcome: StateFileError?)] {
        let all = failed != nil || finished
        var out: [(release: Release, outcome: StateFileError?)] = []
        waiting.removeAll { waiter in
            if waiter.position <= kept {
                out.append((waiter.release, nil))
                return true
            }
            guard all else { return false }
            out.append((waiter.release, failed ?? stoppedEarly))
            return true
        }
        return out
    }

    /// How many syncs have been done (each keeps one batch).
    var syncCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return syncs
    }

    /// Why writing stopped, once it has.
    var failure: StateFileError? {
        lock.lock()
        defer { lock.unlock() }
        return failed
    }

    /// Writes what is still queued, stops the thread and returns the failure, if any.
    func stop() -> StateFileError? {
        lock.lock()
        defer { lock.unlock() }
        stopping = true
        lock.wakeCommitter()
        while !finished { lock.waitForFinish() }
        return failed
    }

    private func run() {
        while true {
            lock.lock()
            while requested <= kept && !stopping && failed == nil && compactor?.isReady != true { lock.waitForWork() }
            let broken = failed != nil
            let stop = stopping || broken
            lock.unlock()
            if broken { break }
            // A written snapshot takes the journal's place before the next batch, which then
            // goes to the new file.
            if let fatal = compactor?.finishIfReady() {
                fail(fatal)
                continue
            }
            let wantsSnapshot = compactor?.wantsSnapshot(of: service) ?? false
            let (batch, snapshot) = service.takeJournal(snapshot: wantsSnapshot)
            if batch.isEmpty {
                if stop { break }
                // A request waits for a position the service never queued (a caller took
                // the journal itself): sleep rather than spin.
                lock.lock()
                requested = kept
                lock.unlock()
                continue
            }
            if let failure = write(batch) {
                fail(failure)
                continue
            }
            if let snapshot { compactor?.start(snapshot) }
            lock.lock()
            kept += UInt64(batch.count)
            syncs += 1
            let released = takeReleased()
            lock.unlock()
            for (release, failure) in released { release(failure) }
        }
        compactor?.cancel()
        lock.lock()
        finished = true
        let released = takeReleased()
        lock.announceFinish()
        lock.unlock()
        for (release, failure) in released { release(failure) }
    }

    /// Stops writing for good: every waiting request hears `failure`, and so will later ones.
    private func fail(_ failure: StateFileError) {
        lock.lock()
        failed = failure
        let released = takeReleased()
        lock.unlock()
        for (release, outcome) in released { release(outcome) }
    }

    /// Appends `batch` in one write and syncs it. (A write cut short leaves an unfinished last
    /// line, which the next start cuts off.)
    private func write(_ batch: [JournalEntry]) -> StateFileError? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(batch.count * 320)
        for entry in batch {
            entry.appendLine(to: &bytes)
        }
        do throws(StateFileError) {
            try StateFileIO.append(bytes, to: journal.fd, path: journal.path)
            try StateFileIO.sync(journal.fd, path: journal.path)
            journal.didAppend(batch, bytes: bytes.count)
            compactor?.didAppend(bytes)
            return nil
        } catch {
            return error
        }
    }
}
