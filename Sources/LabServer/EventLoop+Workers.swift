import AWSWire
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EventLoop {
    /// One worker thread: serves ready sockets and runs the sweeps that fall due, until
    /// `exiting`.
    func runWorker() {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readSize, alignment: 16)
        defer {
            buffer.deallocate()
            condition.lock()
            runningWorkers -= 1
            condition.broadcast()
            condition.unlock()
        }
        let waitMilliseconds = Int32(clamping: server.timeouts.sweepInterval / 1_000_000)
        while !exiting.load(ordering: .relaxed) {
            if let token = readiness.nextReady(timeoutMilliseconds: waitMilliseconds) {
                if token == Self.listenerToken {
                    acceptConnections()
                } else if let (connection, delivered) = table.claim(token) {
                    if let delivered { connection.receive(delivered) }
                    settle(connection, connection.advance(using: buffer), using: buffer)
                }
            }
            sweepIfDue(using: buffer)
        }
    }

    /// Hands a claimed connection back to the table and re-arms its socket, parks it until
    /// its deferred response comes (going on at once if it has come), or closes it.
    func settle(_ connection: HTTPConnection, _ outcome: HTTPConnection.Outcome,
                using buffer: UnsafeMutableRawBufferPointer) {
        var outcome = outcome
        while case .park = outcome {
            guard let delivered = table.park(connection, deadline: connection.deadline) else { return }
            connection.receive(delivered)
            outcome = connection.advance(using: buffer)
        }
        if case .wait(let interest) = outcome {
            let released = table.release(connection, deadline: connection.deadline, idleSince: connection.idleMoment) {
                readiness.rearm(connection.fd, token: connection.token, interest: interest)
            }
            if released { return }
        }
        closeConnection(connection)
    }

    /// Delivers a deferred response, on the sending thread. A parked connection is taken
    /// up here: the response is written at once (without blocking) and the connection handed
    /// back, armed for its next request, so no worker has to wake for it. Anything more to do
    /// (a request already buffered, a response the socket does not take whole, a closing
    /// connection) is left to a worker, woken by arming the socket for writing.
    func deliver(_ response: HTTPResponse, to token: UInt64, request: UInt64) {
        guard let connection = table.deliver(response, to: token, request: request) else { return }
        connection.receive(response)
        switch connection.writeDelivered() {
        case .wait(let interest):
            let released = table.release(connection, deadline: connection.deadline, idleSince: connection.idleMoment) {
                readiness.rearm(connection.fd, token: connection.token, interest: interest)
            }
            if !released { closeConnection(connection) }
        case .park, .close:
            closeConnection(connection)
        }
    }

    /// Forgets and closes a claimed connection; a paused listener may now accept again.
    func closeConnection(_ connection: HTTPConnection) {
        table.remove(connection)
        readiness.deregister(connection.fd)
        close(connection.fd)
        resumeListenerIfPaused()
    }

    /// Times out connections past their deadlines, if a sweep is due and no other worker
    /// has taken it.
    func sweepIfDue(using buffer: UnsafeMutableRawBufferPointer) {
        let now = Socket.monotonicNanoseconds()
        let due = nextSweep.load(ordering: .relaxed)
        guard now >= due,
            nextSweep.compareExchange(
                expected: due, desired: now &+ server.timeouts.sweepInterval, ordering: .relaxed
            ).exchanged
        else { return }
        for connection in table.claimExpired(now: now) {
            settle(connection, connection.expire(using: buffer), using: buffer)
        }
        resumeListenerIfPaused()
    }
}
