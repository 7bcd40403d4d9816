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
                } else if let connection = table.claim(token) {
                    settle(connection, connection.advance(using: buffer))
                }
            }
            sweepIfDue(using: buffer)
        }
    }

    /// Hands a claimed connection back to the table and re-arms its socket, or closes it.
    func settle(_ connection: HTTPConnection, _ outcome: HTTPConnection.Outcome) {
        if case .wait(let interest) = outcome {
            let released = table.release(connection, deadline: connection.deadline, idleSince: connection.idleMoment) {
                readiness.rearm(connection.fd, token: connection.token, interest: interest)
            }
            if released { return }
        }
        closeConnection(connection)
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
            settle(connection, connection.expire(using: buffer))
        }
        resumeListenerIfPaused()
    }
}
