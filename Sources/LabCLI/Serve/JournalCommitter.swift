import AWSWire
import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Group commit for the `--state` journal: one thread takes every entry the service queued
/// since its last sync, writes them with one `write`, syncs once (`fdatasync`) and then
/// releases every request waiting for them. A request is acknowledged only once its entry is
/// on the disk; requests arriving while a sync is under way share the next one.
///
/// Positions are the service's (``ServiceAnswer/journalPosition``): this thread is the only
/// one taking entries, so the entries it has taken are exactly positions `1 … kept`.
///
/// After a failed write or sync nothing more is written (what the disk holds after a failed
/// sync is unknown): every waiting and later request is refused, and ``failure`` says why.
final class JournalCommitter: @unchecked Sendable {
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
    /// The requests waiting for their position, each on its own condition.
    private var waiting: [(position: UInt64, condition: UnsafeMutablePointer<pthread_cond_t>)] = []

    /// A committer for `service`'s journal into `journal`; call ``start()``.
    init(service: AWSService, journal: StateJournal) {
        self.service = service
        self.journal = journal
    }

    /// Starts the committing thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "kdslab-journal"
        thread.start()
    }

    /// Blocks until the entry at `position` is on the disk; the failure when it will never be.
    func waitUntilKept(_ position: UInt64) -> StateFileError? {
        lock.lock()
        defer { lock.unlock() }
        guard kept < position && failed == nil && !finished else { return kept >= position ? nil : failed ?? stoppedEarly }
        if position > requested {
            requested = position
            lock.wakeCommitter()
        }
        let condition = CommitLock.newCondition()
        defer { CommitLock.dispose(condition) }
        waiting.append((position, condition))
        while kept < position && failed == nil && !finished {
            lock.wait(on: condition)
        }
        // Released by a commit (which took it off the list), or by a failure or the end.
        waiting.removeAll { $0.condition == condition }
        return kept >= position ? nil : failed ?? stoppedEarly
    }

    /// What a request hears when the committer stopped before writing its entry (only when
    /// ``stop()`` is called with requests still under way, which the server never does).
    private var stoppedEarly: StateFileError {
        StateFileError(action: "write to", path: journal.path, reason: "the journal was closed")
    }

    /// With the lock held: wakes every request whose position is kept (or all, once
    /// nothing more will be).
    private func releaseKept() {
        let all = failed != nil || finished
        waiting.removeAll { waiter in
            guard all || waiter.position <= kept else { return false }
            lock.signal(waiter.condition)
            return true
        }
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
            while requested <= kept && !stopping && failed == nil { lock.waitForWork() }
            let broken = failed != nil
            let stop = stopping || broken
            lock.unlock()
            let batch = broken ? [] : service.takeJournal()
            if batch.isEmpty {
                if stop { break }
                // A request waits for a position the service never queued (a caller took
                // the journal itself): sleep rather than spin.
                lock.lock()
                requested = kept
                lock.unlock()
                continue
            }
            let outcome = write(batch)
            lock.lock()
            if let outcome {
                failed = outcome
            } else {
                kept += UInt64(batch.count)
                syncs += 1
            }
            releaseKept()
            lock.unlock()
        }
        lock.lock()
        finished = true
        releaseKept()
        lock.announceFinish()
        lock.unlock()
    }

    /// Appends `batch` in one write and syncs it. (A write cut short leaves an unfinished last
    /// line, which the next start cuts off.)
    private func write(_ batch: [JournalEntry]) -> StateFileError? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(batch.count * 320)
        for entry in batch {
            bytes.append(contentsOf: entry.line.utf8)
            bytes.append(0x0A)
        }
        do throws(StateFileError) {
            try StateFileIO.append(bytes, to: journal.fd, path: journal.path)
            try StateFileIO.sync(journal.fd, path: journal.path)
            journal.entryCount += batch.count
            return nil
        } catch {
            return error
        }
    }
}
