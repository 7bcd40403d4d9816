#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a plain POSIX mutex.
///
/// The service's threads outnumber the cores, and a thread holding the lock may be
/// preempted; `Synchronization.Mutex`'s long spin before it sleeps burnt more time on a busy
/// two-core machine than the work it waited for. glibc's adaptive mutex spins far less.
final class ServiceLock<Value>: @unchecked Sendable {
    // INVARIANT: `value` is read and written only between `pthread_mutex_lock` and
    // `pthread_mutex_unlock` of `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        // Spins briefly (glibc's bounded adaptive spin) before sleeping: the lock is held for
        // microseconds, so a waiter on the other core usually gets it without a futex call.
        Platform.preferBriefSpinning(&attributes)
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
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
