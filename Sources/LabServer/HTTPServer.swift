import AWSWire
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A small HTTP/1.1 server: it accepts connections, decodes requests with `HTTPRequestDecoder`,
/// hands each to `handler` and writes the response with `HTTPResponseEncoder`.
///
/// ```swift
/// let server = HTTPServer(configuration: config) { request in HTTPResponse(status: 200) }
/// let port = try server.start()
/// …
/// server.stop()
/// ```
///
/// Concurrency: one thread per connection, capped at `maxConnections` (further clients wait in
/// the listen backlog), plus one accepting thread. The handler is synchronous and may block
/// (on a lock around the simulated world, say); on a shared event loop a blocked handler
/// would stall every connection of that loop, on its own thread it stalls only its client.
/// A lab server sees a handful of keep-alive clients, so the threads are few and long-lived,
/// and their blocking reads cost no more system calls than an event loop's.
/// The handler is called from many threads at once.
public final class HTTPServer: @unchecked Sendable {
    /// Turns a request into a response; called concurrently from connection threads.
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// Where and how the server listens.
    public let configuration: ServerConfiguration
    let handler: Handler
    let clock: (@Sendable () -> Int)?

    /// Where a server is in its life.
    enum Phase { case created, running, stopping, stopped }

    // INVARIANT: all mutable state below is read and written with `condition` locked.
    let condition = NSCondition()
    var phase = Phase.created
    var activeConnections = 0
    var acceptorRunning = false
    var listenFD: Int32 = -1
    /// A pipe whose read end becomes readable (and stays so) when stopping begins; the
    /// accepting thread polls it beside the listening socket. (Connections block in `read`
    /// with a receive timeout and check `isStopping` each time it expires.)
    var wakeRead: Int32 = -1
    var wakeWrite: Int32 = -1
    var boundPort: Int?
    /// Set once stopping begins; read by every connection for every request, so it is an
    /// atomic rather than a trip through `condition`.
    let stopRequested = Atomic<Bool>(false)

    /// Creates a server that is not yet listening.
    ///
    /// - Parameters:
    ///   - clock: wall-clock seconds since 1970 for the `Date` header; `nil` sends no `Date`
    ///     (the library reads no clock of its own; the caller passes one in).
    ///   - handler: answers one request; called concurrently.
    public init(configuration: ServerConfiguration, clock: (@Sendable () -> Int)? = nil, handler: @escaping Handler) {
        self.configuration = configuration
        self.clock = clock
        self.handler = handler
    }

    /// The port the server is bound to, once started.
    public var port: Int? {
        condition.lock()
        defer { condition.unlock() }
        return boundPort
    }

    /// Binds, listens and starts accepting; returns the bound port (the system's choice when
    /// the configured port is 0). A server starts once.
    public func start() throws(HTTPServerError) -> Int {
        condition.lock()
        defer { condition.unlock() }
        guard phase == .created else { throw .alreadyStarted }
        let backlog = Int32(clamping: max(128, configuration.maxConnections))
        let (fd, port) = try Socket.listen(host: configuration.host, port: configuration.port, backlog: backlog)
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else {
            let code = errno
            close(fd)
            throw .socketFailure(operation: "pipe", code: code)
        }
        for end in pipeFDs {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        listenFD = fd
        wakeRead = pipeFDs[0]
        wakeWrite = pipeFDs[1]
        boundPort = port
        phase = .running
        acceptorRunning = true
        let acceptor = Thread { [self] in acceptLoop() }
        acceptor.name = "kdslab-http-accept"
        acceptor.start()
        return port
    }

    /// Stops gracefully and returns when done: no new connections are accepted, requests
    /// under way are finished and answered with `Connection: close`, idle connections are
    /// closed. Safe to call more than once, and from several threads.
    public func stop() {
        stopRequested.store(true, ordering: .sequentiallyConsistent)
        condition.lock()
        if phase == .created {
            phase = .stopped
            condition.broadcast()
        }
        if phase == .running {
            phase = .stopping
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
            condition.broadcast()
        }
        while phase == .stopping && (acceptorRunning || activeConnections > 0) {
            condition.wait()
        }
        if phase == .stopping {
            close(wakeRead)
            close(wakeWrite)
            phase = .stopped
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Blocks until the server has stopped (after `stop()`, called from another thread).
    public func waitUntilStopped() {
        condition.lock()
        while phase != .stopped { condition.wait() }
        condition.unlock()
    }

    /// Whether stopping has begun; connections close instead of keeping alive.
    var isStopping: Bool {
        stopRequested.load(ordering: .sequentiallyConsistent)
    }

    /// Accepts connections until stopping, one thread each, while under the cap.
    func acceptLoop() {
        let (listenFD, wakeRead) = withLock { (self.listenFD, self.wakeRead) }
        while true {
            condition.lock()
            while phase == .running && activeConnections >= configuration.maxConnections { condition.wait() }
            let running = phase == .running
            condition.unlock()
            guard running else { break }

            guard let events = Socket.poll([listenFD, wakeRead], timeoutMilliseconds: -1) else { continue }
            if events[1] != 0 { break }
            let fd = accept(listenFD, nil, nil)
            guard fd >= 0 else {
                // Out of descriptors: back off briefly rather than spin (EINTR, EAGAIN and
                // ECONNABORTED just retry).
                if errno == EMFILE || errno == ENFILE { _ = Socket.poll([wakeRead], timeoutMilliseconds: 50) }
                continue
            }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            Socket.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            Socket.setSendTimeout(fd, seconds: configuration.requestTimeoutSeconds)
            withLock { activeConnections += 1 }
            let thread = Thread { [self] in
                var connection = HTTPConnection(fd: fd, server: self)
                connection.run()
                withLock {
                    activeConnections -= 1
                    condition.broadcast()
                }
            }
            thread.name = "kdslab-http-connection"
            thread.start()
        }
        close(listenFD)
        withLock {
            self.listenFD = -1
            acceptorRunning = false
            condition.broadcast()
        }
    }

    func withLock<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}
