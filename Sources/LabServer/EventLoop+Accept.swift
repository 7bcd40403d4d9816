#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EventLoop {
    /// Accepts waiting clients. When the server holds `capacity` connections and a client is
    /// waiting, it first closes the connections idle longest (never one idle for less than
    /// the eviction grace); when none can go, or descriptors run out, it pauses the listener
    /// instead, and new clients wait in the backlog until a connection closes.
    func acceptConnections() {
        condition.lock()
        guard listener == .armed else {
            condition.unlock()
            return
        }
        listener = .accepting
        condition.unlock()

        var pause = false
        accepting: for _ in 0..<Self.acceptsPerTurn {
            if server.isStopping { break }
            if table.count >= capacity {
                // Make room only for a client that is really there.
                guard Socket.isReadable(listenFD) else { break }
                let cutoff = Socket.monotonicNanoseconds() &- server.timeouts.evictionGrace
                let evicted = table.claimOldestIdle(limit: evictionBatch, idleSince: cutoff)
                if evicted.isEmpty {
                    pause = true
                    break
                }
                for connection in evicted { closeConnection(connection) }
            }
            switch Socket.acceptConnection(listenFD) {
            case .connection(let fd):
                admit(fd)
            case .none:
                break accepting
            case .retry:
                continue
            case .outOfDescriptors, .failed:
                pause = true  // the next sweep tries again
                break accepting
            }
        }

        condition.lock()
        if server.isStopping {
            closeListener()
        } else if pause {
            listener = .paused
        } else {
            listener = .armed
            readiness.rearm(listenFD, token: Self.listenerToken, interest: .readable)
        }
        condition.unlock()
    }

    /// Adds a newly accepted socket to the table, armed for its first request.
    func admit(_ fd: Int32) {
        let now = Socket.monotonicNanoseconds()
        let connection = HTTPConnection(fd: fd, token: table.makeToken(), loop: self, now: now)
        let admitted = table.admit(connection, deadline: now &+ server.timeouts.idle, idleSince: now) {
            readiness.register(fd, token: connection.token, interest: .readable)
        }
        if !admitted { close(fd) }
    }

    /// Arms a paused listening socket again; `acceptConnections` pauses it anew if there is
    /// still no room.
    func resumeListenerIfPaused() {
        condition.lock()
        defer { condition.unlock() }
        guard listener == .paused, !server.isStopping else { return }
        listener = .armed
        readiness.rearm(listenFD, token: Self.listenerToken, interest: .readable)
    }
}
