#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The test client's socket calls that differ between Linux (Glibc) and macOS (Darwin),
/// each with a branch per system.
///
/// CI runs Linux only: the Darwin branches follow Darwin's headers but are not compiled there.
enum TestPlatform {
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
    static func sendNoSignal(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if os(Linux)
        send(fd, bytes, count, Int32(MSG_NOSIGNAL))
        #else
        send(fd, bytes, count, 0)
        #endif
    }
}
