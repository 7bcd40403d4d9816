#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The mutex and condition variables under ``JournalCommitter``: one condition the
/// committing thread sleeps on until there is work, and one for whoever waits for the
/// thread to finish. (Requests do not sleep here: they are released by callbacks.)
final class CommitLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let work: UnsafeMutablePointer<pthread_cond_t>
    private let finish: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        work = Self.newCondition()
        finish = Self.newCondition()
    }

    deinit {
        Self.dispose(finish)
        Self.dispose(work)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// With the lock held: sleeps until ``wakeCommitter()``.
    func waitForWork() { pthread_cond_wait(work, mutex) }
    /// With the lock held: wakes the committing thread.
    func wakeCommitter() { pthread_cond_signal(work) }
    /// With the lock held: sleeps until ``announceFinish()``.
    func waitForFinish() { pthread_cond_wait(finish, mutex) }
    /// With the lock held: wakes whoever waits for the committing thread to finish.
    func announceFinish() { pthread_cond_broadcast(finish) }
    private static func newCondition() -> UnsafeMutablePointer<pthread_cond_t> {
        let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
        return condition
    }

    private static func dispose(_ condition: UnsafeMutablePointer<pthread_cond_t>) {
        pthread_cond_destroy(condition)
        condition.deallocate()
    }
}
