#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The benchmark's system calls that differ between Linux (Glibc) and macOS (Darwin), each
/// with a branch per system.
///
/// CI builds Linux only: the Darwin branches are written against Darwin's headers but not
/// compiled there.
enum Platform {
    /// A new TCP socket of `family` that never raises `SIGPIPE`; -1 on failure.
    static func streamSocket(family: Int32) -> Int32 {
        #if os(Linux)
        return socket(family, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(family, SOCK_STREAM, 0)
        guard fd >= 0 else { return fd }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
        #endif
    }

    /// `send` that fails with `EPIPE` instead of raising `SIGPIPE` (`MSG_NOSIGNAL` on Linux;
    /// on Darwin the socket's `SO_NOSIGPIPE`, set by ``streamSocket(family:)``).
    static func sendNoSignal(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if os(Linux)
        send(fd, bytes, count, Int32(MSG_NOSIGNAL))
        #else
        send(fd, bytes, count, 0)
        #endif
    }

    /// `close` (callers with a `close` of their own cannot name the system's unqualified).
    static func closeDescriptor(_ fd: Int32) {
        _ = close(fd)
    }

    /// This process's user and system CPU time so far, in microseconds.
    static func cpuMicroseconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6
            + Double(Int(usage.ru_utime.tv_usec) + Int(usage.ru_stime.tv_usec))
    }

    /// This process's resident set size in bytes: `/proc/self/statm` on Linux. Darwin has no
    /// `/proc`; there it is the peak resident size (`ru_maxrss`, in bytes on Darwin), which
    /// only grows, so a difference still bounds the growth.
    static func residentBytes() -> Int {
        #if os(Linux)
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        var usage = rusage()
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
        #endif
    }
}
