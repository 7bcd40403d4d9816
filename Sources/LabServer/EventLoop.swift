import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A started server's machinery: the listening socket, the readiness source, the table of
/// connections and the worker threads that serve them.
///
/// Each worker loops: take one ready socket from `readiness`, serve it (accept on the
/// listening socket; read, answer and write on a connection) until it would block, re-arm
/// it; and every `sweepInterval`, one worker closes what has passed its deadline.
final class EventLoop: @unchecked Sendable {
    let server: HTTPServer
    let readiness: any Readiness
    let table = ConnectionTable()
    let listenFD: Int32
    /// The most connections held at once.
    let capacity: Int
    /// When the next sweep is due (monotonic nanoseconds); the worker that moves it on runs it.
    let nextSweep = Atomic<UInt64>(0)
    /// Set when the workers are to return.
    let exiting = Atomic<Bool>(false)

    /// Where the listening socket is.
    enum ListenerState {
        /// Registered and armed: a worker is woken when a client connects.
        case armed
        /// A worker is accepting.
        case accepting
        /// Not armed: the server is full of busy connections or out of descriptors. A closing
        /// connection or the next sweep arms it again.
        case paused
        /// Closed, for stopping.
        case closed
    }

    // INVARIANT: `listener` and `runningWorkers` are read and written with `condition` locked.
    // Lock order: `condition`, then the table's, then the readiness source's.
    let condition = NSCondition()
    var listener = ListenerState.paused
    var runningWorkers = 0

    /// The listening socket's token (connections count from 3; see `ConnectionTable`).
    static let listenerToken: UInt64 = 0
    /// The size of each worker's read buffer; large, so a request usually arrives in one read.
    static let readSize = 64 * 1024
    /// Connections accepted per turn before the listening socket is re-armed, so a burst of
    /// clients does not hold one worker.
    static let acceptsPerTurn = 64
    /// Idle connections closed at a time when the server is full: one scan of the table
    /// makes room for several new clients, up to 16 (a small server closes one at a time).
    let evictionBatch: Int

    init(server: HTTPServer, readiness: any Readiness, listenFD: Int32, capacity: Int) {
        self.server = server
        self.readiness = readiness
        self.listenFD = listenFD
        self.capacity = capacity
        self.evictionBatch = max(1, min(16, capacity / 64))
    }

    /// Arms the listening socket and starts `workers` threads.
    func start(workers: Int) throws(HTTPServerError) {
        guard readiness.register(listenFD, token: Self.listenerToken, interest: .readable) else {
            let code = errno
            readiness.dispose()
            throw .socketFailure(operation: "register the listening socket", code: code)
        }
        condition.lock()
        listener = .armed
        runningWorkers = workers
        condition.unlock()
        for _ in 0..<workers {
            let thread = Thread { [self] in runWorker() }
            thread.name = "kdslab-http-worker"
            thread.start()
        }
    }

    /// Stops accepting, closes idle connections, lets the others finish (each is answered
    /// with `Connection: close` or times out), then stops the workers.
    func shutDown() {
        condition.lock()
        switch listener {
        case .armed, .paused:
            closeListener()
        case .accepting, .closed:
            break  // the accepting worker closes it when it sees the server stopping
        }
        condition.unlock()
        for connection in table.beginDraining() { closeConnection(connection) }
        table.waitUntilEmpty()
        condition.lock()
        while listener != .closed { condition.wait() }
        condition.unlock()
        exiting.store(true, ordering: .sequentiallyConsistent)
        readiness.wakeAll()
        condition.lock()
        while runningWorkers > 0 { condition.wait() }
        condition.unlock()
        readiness.dispose()
    }

    /// Closes the listening socket. Called with `condition` locked.
    func closeListener() {
        readiness.deregister(listenFD)
        close(listenFD)
        listener = .closed
        condition.broadcast()
    }
}
