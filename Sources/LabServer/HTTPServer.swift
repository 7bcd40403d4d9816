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
/// Concurrency: an `EventLoop` of `workerThreads` threads waits on the kernel's readiness
/// notification (`epoll` on Linux, `poll` elsewhere) for every socket at once. The thread
/// woken for a connection reads what has arrived, runs the handler for each complete
/// request, in order, and writes the responses without blocking; then it goes back to
/// waiting. So an idle or slow connection costs a descriptor and a little memory, never a
/// thread, and thousands of them do not keep a new client waiting. A ``Handler`` is
/// synchronous and may block (on a lock around the simulated world, say); it then holds
/// one worker, and the others go on serving. A ``DeferringHandler`` may instead answer
/// later, through an ``HTTPResponder``, so that a request waiting for something slow (a
/// disk sync) holds no worker at all. Handlers are called from many threads at once.
public final class HTTPServer: @unchecked Sendable {
    /// Turns a request into a response; called concurrently from the worker threads.
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse
    /// Turns a request into a response now, or returns `nil` and answers later with
    /// `responder.send(_:)`; called concurrently from the worker threads.
    public typealias DeferringHandler = @Sendable (_ request: HTTPRequest, _ responder: HTTPResponder) -> HTTPResponse?

    /// How the server's handler answers.
    enum Answering {
        case now(Handler)
        case nowOrLater(DeferringHandler)
    }

    /// Where and how the server listens.
    public let configuration: ServerConfiguration
    let answering: Answering
    let clock: (@Sendable () -> Int)?
    let readinessKind: ReadinessKind
    let timeouts: ConnectionTimeouts

    /// Where a server is in its life.
    enum Phase { case created, running, stopping, stopped }

    // INVARIANT: `phase`, `loop` and `boundPort` are read and written with `condition` locked.
    let condition = NSCondition()
    var phase = Phase.created
    var loop: EventLoop?
    var boundPort: Int?
    /// Set once stopping begins; read by every connection for every request, so it is an
    /// atomic rather than a trip through `condition`.
    let stopRequested = Atomic<Bool>(false)

    /// Descriptors kept free for everything else in the process (files, pipes, the
    /// listening socket) when the descriptor limit bounds the connections.
    static let reservedDescriptors = 64

    /// Creates a server that is not yet listening.
    ///
    /// - Parameters:
    ///   - clock: wall-clock seconds since 1970 for the `Date` header; `nil` sends no `Date`
    ///     (the library reads no clock of its own; the caller passes one in).
    ///   - handler: answers one request; called concurrently.
    public convenience init(
        configuration: ServerConfiguration, clock: (@Sendable () -> Int)? = nil, handler: @escaping Handler
    ) {
        self.init(configuration: configuration, clock: clock, readiness: .automatic, answering: .now(handler))
    }

    /// Creates a server whose handler may answer a request later (see ``HTTPResponder``):
    /// it returns the response, or `nil` after arranging to call `responder.send(_:)`.
    public convenience init(
        configuration: ServerConfiguration, clock: (@Sendable () -> Int)? = nil,
        deferringHandler: @escaping DeferringHandler
    ) {
        self.init(configuration: configuration, clock: clock, readiness: .automatic, answering: .nowOrLater(deferringHandler))
    }

    convenience init(configuration: ServerConfiguration, clock: (@Sendable () -> Int)?, readiness: ReadinessKind,
                     handler: @escaping Handler) {
        self.init(configuration: configuration, clock: clock, readiness: readiness, answering: .now(handler))
    }

    init(configuration: ServerConfiguration, clock: (@Sendable () -> Int)?, readiness: ReadinessKind,
         answering: Answering) {
        self.configuration = configuration
        self.clock = clock
        self.readinessKind = readiness
        self.timeouts = ConnectionTimeouts(configuration)
        self.answering = answering
    }

    /// The port the server is bound to, once started.
    public var port: Int? {
        condition.lock()
        defer { condition.unlock() }
        return boundPort
    }

    /// Binds, listens and starts serving; returns the bound port (the system's choice when
    /// the configured port is 0). A server starts once.
    ///
    /// Raises the process's soft limit on open descriptors to its hard limit, and holds at
    /// most `maxConnections` connections, fewer if that limit is lower.
    public func start() throws(HTTPServerError) -> Int {
        condition.lock()
        defer { condition.unlock() }
        guard phase == .created else { throw .alreadyStarted }
        let descriptors = DescriptorLimit.raiseToHardLimit()
        let capacity = max(1, min(configuration.maxConnections, descriptors - Self.reservedDescriptors))
        let backlog = Int32(clamping: max(128, capacity))
        let (fd, port) = try Socket.listen(host: configuration.host, port: configuration.port, backlog: backlog)
        let loop: EventLoop
        do throws(HTTPServerError) {
            loop = EventLoop(server: self, readiness: try readinessKind.make(), listenFD: fd, capacity: capacity)
            try loop.start(workers: max(1, configuration.workerThreads))
        } catch {
            close(fd)
            throw error
        }
        self.loop = loop
        boundPort = port
        phase = .running
        return port
    }

    /// Stops gracefully and returns when done: no new connections are accepted, requests
    /// under way are finished and answered with `Connection: close`, idle connections are
    /// closed. Safe to call more than once, and from several threads.
    public func stop() {
        stopRequested.store(true, ordering: .sequentiallyConsistent)
        condition.lock()
        switch phase {
        case .created:
            phase = .stopped
            condition.broadcast()
            condition.unlock()
        case .running:
            phase = .stopping
            let loop = self.loop
            condition.unlock()
            loop?.shutDown()
            condition.lock()
            self.loop = nil
            phase = .stopped
            condition.broadcast()
            condition.unlock()
        case .stopping, .stopped:
            while phase != .stopped { condition.wait() }
            condition.unlock()
        }
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
}
