#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A mutex with two condition variables, for ``JournalCommitter``: one the committing thread
/// sleeps on until there is work, one the waiting requests sleep on until a commit. Waking
/// the committer never wakes the requests, and a commit wakes only them.
final class CommitLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let work: UnsafeMutablePointer<pthread_cond_t>
    private let commit: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        work = .allocate(capacity: 1)
        work.initialize(to: pthread_cond_t())
        pthread_cond_init(work, nil)
        commit = .allocate(capacity: 1)
        commit.initialize(to: pthread_cond_t())
        pthread_cond_init(commit, nil)
    }

    deinit {
        pthread_cond_destroy(commit)
        commit.deallocate()
        pthread_cond_destroy(work)
        work.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// With the lock held: sleeps until ``wakeCommitter()``.
    func waitForWork() { pthread_cond_wait(work, mutex) }
    /// With the lock held: wakes the committing thread.
    func wakeCommitter() { pthread_cond_signal(work) }
    /// With the lock held: sleeps until ``releaseWaiters()``.
    func waitForCommit() { pthread_cond_wait(commit, mutex) }
    /// With the lock held: wakes every waiting request.
    func releaseWaiters() { pthread_cond_broadcast(commit) }
}
