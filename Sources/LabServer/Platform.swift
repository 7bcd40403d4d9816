#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The socket calls of LabServer that differ between Linux (Glibc) and macOS (Darwin), each
/// with a branch per system; ``Socket`` and the server call these, never the Linux-only
/// names (`SOCK_CLOEXEC`, `MSG_NOSIGNAL`, `Glibc.`) themselves.
///
/// CI builds Linux only: the Darwin branches follow Darwin's headers (`SOCK_STREAM` is an
/// `Int32` there, there is no `MSG_NOSIGNAL` but a per-socket `SO_NOSIGPIPE`, and no socket
/// type flags) but are not compiled there.
enum Platform {
    /// `SOCK_STREAM` as the `Int32` that `socket` and `addrinfo.ai_socktype` take.
    static var streamSocketType: Int32 {
        #if os(Linux)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    /// A new TCP socket of `family` that is closed on `exec` and never raises `SIGPIPE`
    /// (see ``sendNoSignal(_:_:_:)``); -1 with `errno` set on failure.
    static func streamSocket(family: Int32) -> Int32 {
        #if os(Linux)
        return socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(family, SOCK_STREAM, 0)
        guard fd >= 0 else { return fd }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
        #endif
    }

    /// `bind`.
    static func bindSocket(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        bind(fd, address, length)
    }

    /// `listen`.
    static func listenOn(_ fd: Int32, backlog: Int32) -> Int32 {
        listen(fd, backlog)
    }

    /// `send` that fails with `EPIPE` instead of raising `SIGPIPE` when the peer is gone:
    /// `MSG_NOSIGNAL` on Linux; on Darwin `SO_NOSIGPIPE`, set on the socket here (it is set
    /// again for each send, cheaply, because accepted sockets are not made by
    /// ``streamSocket(family:)``).
    static func sendNoSignal(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if os(Linux)
        return send(fd, bytes, count, Int32(MSG_NOSIGNAL))
        #else
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        return send(fd, bytes, count, 0)
        #endif
    }

    /// `poll` over `entries`; the number of ready entries, 0 on timeout, -1 with `errno`.
    static func waitForEvents(_ entries: inout [pollfd], timeoutMilliseconds: Int32) -> Int32 {
        poll(&entries, nfds_t(entries.count), timeoutMilliseconds)
    }

    /// A `timeval` of `seconds` (`tv_usec` is an `Int` on Linux and an `Int32` on Darwin).
    static func timeInterval(seconds: Double) -> timeval {
        let whole = Int(seconds)
        return timeval(tv_sec: whole, tv_usec: suseconds_t((seconds - Double(whole)) * 1_000_000))
    }
}
