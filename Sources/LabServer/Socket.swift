#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX socket calls the server makes. Internal: no type of the
/// socket layer leaks into the API. What differs between Linux and Darwin is in ``Platform``.
enum Socket {
    /// A bound, listening, non-blocking socket on `host:port` and the port it got.
    static func listen(host: String, port: Int, backlog: Int32) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        guard (0...65535).contains(port) else { throw .invalidPort(port) }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Platform.streamSocketType
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { throw .invalidHost(host) }
        defer { freeaddrinfo(list) }

        var lastError = HTTPServerError.invalidHost(host)
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry?.pointee {
            entry = info.ai_next
            let fd = Platform.streamSocket(family: info.ai_family)
            guard fd >= 0 else {
                lastError = .socketFailure(operation: "socket", code: errno)
                continue
            }
            setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            if info.ai_family == AF_INET6 { setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 1) }
            guard Platform.bindSocket(fd, info.ai_addr, info.ai_addrlen) == 0 else {
                let code = errno
                close(fd)
                switch code {
                case EADDRINUSE: throw .addressInUse(host: host, port: port)
                case EACCES: throw .permissionDenied(host: host, port: port)
                case EADDRNOTAVAIL: lastError = .addressNotAvailable(host: host)
                default: lastError = .socketFailure(operation: "bind", code: code)
                }
                continue
            }
            guard Platform.listenOn(fd, backlog: backlog) == 0 else {
                let code = errno
                close(fd)
                if code == EADDRINUSE { throw .addressInUse(host: host, port: port) }
                lastError = .socketFailure(operation: "listen", code: code)
                continue
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            return (fd, boundPort(fd) ?? port)
        }
        throw lastError
    }

    /// The local port of a bound socket.
    static func boundPort(_ fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        default:
            return nil
        }
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) {
        var v = value
        _ = setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sets how long a blocking send may wait for a client that does not read.
    static func setSendTimeout(_ fd: Int32, seconds: Double) {
        var tv = Platform.timeInterval(seconds: seconds)
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sets how long a blocking read may wait before it fails with `EAGAIN`.
    static func setReceiveTimeout(_ fd: Int32, seconds: Double) {
        var tv = Platform.timeInterval(seconds: seconds)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Writes all of `bytes`; `false` if the peer is gone or stopped reading past the send
    /// timeout. A closed peer is an error here, never a `SIGPIPE` (``Platform/sendNoSignal(_:_:_:)``).
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Platform.sendNoSignal(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Waits until one of `fds` is readable (or hung up) or `timeoutMilliseconds` pass;
    /// the `revents` of each, or `nil` on timeout.
    static func poll(_ fds: [Int32], timeoutMilliseconds: Int32) -> [Int16]? {
        var entries = fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        while true {
            let n = Platform.waitForEvents(&entries, timeoutMilliseconds: timeoutMilliseconds)
            if n > 0 { return entries.map(\.revents) }
            if n == 0 { return nil }
            if errno != EINTR { return entries.map { _ in Int16(POLLERR) } }
        }
    }

    /// Monotonic nanoseconds, for deadlines (not wall-clock time).
    static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
