#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A value behind a plain POSIX mutex.
///
/// The service's threads outnumber the cores, and a thread holding the lock may be
/// preempted; `Synchronization.Mutex` spins before it sleeps, which on a busy two-core
/// machine burnt more time than the work it waited for. A default pthread mutex goes
/// straight to the kernel when contended.
final class ServiceLock<Value>: @unchecked Sendable {
    // INVARIANT: `value` is read and written only between `pthread_mutex_lock` and
    // `pthread_mutex_unlock` of `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, the lock held.
    func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
