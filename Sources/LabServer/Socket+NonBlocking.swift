#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The non-blocking calls of the event-driven server: every one returns at once, and
/// "would block" is an answer, not an error.
extension Socket {
    /// What a non-blocking read or write did.
    enum Transfer: Equatable {
        /// `count` bytes moved.
        case bytes(Int)
        /// Nothing to read or no room to write now; wait for readiness.
        case wouldBlock
        /// The peer closed its side (reads only).
        case endOfStream
        /// The connection failed (reset, broken pipe, …).
        case failed
    }

    /// Reads what is there, up to `buffer.count` bytes.
    static func readSome(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Transfer {
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return .bytes(n) }
            if n == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .failed
            }
        }
    }

    /// Writes as much of `bytes` as the send buffer takes. A closed peer is an error here,
    /// never a `SIGPIPE` (`MSG_NOSIGNAL` on Linux, `SO_NOSIGPIPE` set at accept on Darwin).
    static func writeSome(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Transfer {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .bytes(0) }
        while true {
            let n = Platform.sendNoSignal(fd, base, bytes.count)
            if n >= 0 { return .bytes(n) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .failed
            }
        }
    }

    /// What accepting a connection gave.
    enum Accepted {
        /// A connected socket, non-blocking and close-on-exec, with `TCP_NODELAY`.
        case connection(Int32)
        /// No connection is waiting.
        case none
        /// Out of descriptors (`EMFILE`, `ENFILE`): try again later.
        case outOfDescriptors
        /// The client left before it was accepted, or a signal came: try again now.
        case retry
        /// The listening socket failed.
        case failed
    }

    /// Accepts one waiting connection from the non-blocking listening socket `listenFD`.
    static func acceptConnection(_ listenFD: Int32) -> Accepted {
        let fd = accept(listenFD, nil, nil)
        guard fd >= 0 else {
            switch errno {
            case EAGAIN, EWOULDBLOCK: return .none
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .outOfDescriptors
            case EINTR, ECONNABORTED, EPROTO, EPERM: return .retry
            default: return .failed
            }
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        #if canImport(Darwin)
        setOption(fd, SOL_SOCKET, SO_NOSIGPIPE, 1)
        #endif
        return .connection(fd)
    }

    /// Whether `fd` is readable now (for a listening socket: a client is waiting).
    static func isReadable(_ fd: Int32) -> Bool {
        var entries = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        return Platform.waitForEvents(&entries, timeoutMilliseconds: 0) == 1
    }

    /// A pipe, both ends non-blocking and close-on-exec: writing a byte wakes a poller.
    static func makeWakePipe() throws(HTTPServerError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .socketFailure(operation: "pipe", code: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        return (ends[0], ends[1])
    }

    /// Reads and drops everything waiting in the non-blocking `fd`.
    static func drain(_ fd: Int32) {
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        while withUnsafeMutableBytes(of: &scratch, { read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Stops sending on `fd`: the client reads end of stream after what was sent.
    static func shutdownWrites(_ fd: Int32) {
        #if canImport(Glibc)
        _ = shutdown(fd, Int32(SHUT_WR))
        #else
        _ = shutdown(fd, SHUT_WR)
        #endif
    }
}
