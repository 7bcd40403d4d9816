#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// SIGINT and SIGTERM, received synchronously: ``block()`` masks them before any server
/// thread starts (threads inherit the mask, so no thread is interrupted and no handler runs
/// in signal context), and ``wait(timeoutMilliseconds:)`` takes a pending one with
/// `sigtimedwait` on the thread that asks.
enum ShutdownSignals {
    /// The signal set {SIGINT, SIGTERM}.
    private static func set() -> sigset_t {
        var s = sigset_t()
        sigemptyset(&s)
        sigaddset(&s, SIGINT)
        sigaddset(&s, SIGTERM)
        return s
    }

    /// Blocks SIGINT and SIGTERM in the calling thread (and the threads it starts later).
    /// Returns the previous mask, for ``restore(_:)``.
    static func block() -> sigset_t {
        var s = set()
        var old = sigset_t()
        pthread_sigmask(SIG_BLOCK, &s, &old)
        return old
    }

    /// Puts back a mask ``block()`` returned.
    static func restore(_ mask: sigset_t) {
        var m = mask
        pthread_sigmask(SIG_SETMASK, &m, nil)
    }

    /// Waits up to `timeoutMilliseconds` for SIGINT or SIGTERM; the signal's name, or `nil`
    /// when none came in time.
    static func wait(timeoutMilliseconds: Int) -> String? {
        var s = set()
        var timeout = timespec(tv_sec: timeoutMilliseconds / 1000, tv_nsec: (timeoutMilliseconds % 1000) * 1_000_000)
        let signal = sigtimedwait(&s, nil, &timeout)
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return nil
        }
    }
}
