#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// AWSWire's one call that differs between Linux (Glibc) and macOS (Darwin).
///
/// CI builds Linux only: the Darwin branch is written against Darwin's headers but not
/// compiled there.
enum Platform {
    /// Asks for a mutex that spins briefly before sleeping where the system has one: glibc's
    /// adaptive mutex (`PTHREAD_MUTEX_ADAPTIVE_NP`). Darwin has no such type; its default
    /// mutex is kept.
    static func preferBriefSpinning(_ attributes: inout pthread_mutexattr_t) {
        #if os(Linux)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        #endif
    }
}
