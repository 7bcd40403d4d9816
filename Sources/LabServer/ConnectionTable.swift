import AWSWire
import Foundation

/// The server's open connections by token, and which of them a worker holds.
///
/// A worker *claims* a connection before touching it and *releases* it (re-arming its socket)
/// or *removes* it when done, so one connection is only ever in one thread's hands: the
/// worker woken for it, the sweep that times it out, or the acceptor evicting it. The table
/// keeps, for every connection not claimed, when it expires and since when it is idle, so
/// sweeps and eviction never touch a connection's own state.
///
/// A connection waiting for a deferred response is *parked*: unclaimed and its socket not
/// armed. A response *delivered* from any thread to a parked connection claims it for the
/// delivering thread, which writes the response; one delivered while a worker still holds
/// the connection is left in its slot for that worker.
final class ConnectionTable: @unchecked Sendable {
    struct Slot {
        let connection: HTTPConnection
        var claimed: Bool
        /// Monotonic nanoseconds after which the sweep takes it.
        var deadline: UInt64
        /// Since when it has had nothing under way; `nil` while a request, a response or a
        /// closing handshake is under way. Only idle connections are evicted.
        var idleSince: UInt64?
        /// Whether it waits, unclaimed and unarmed, for a deferred response.
        var parked = false
        /// A deferred response delivered and not yet taken by the claiming worker.
        var delivered: HTTPResponse?
        /// The highest request number a response was delivered for: a later delivery for
        /// it or an earlier one is a duplicate and is dropped.
        var deliveredThrough: UInt64 = 0
    }

    // INVARIANT: `slots`, `nextToken` and `draining` are read and written with `condition`
    // locked. A claimed slot's connection belongs to the claiming thread until it is
    // released or removed.
    let condition = NSCondition()
    var slots: [UInt64: Slot] = [:]
    /// Tokens 0 and 1 are the listening socket's and the wake pipe's.
    var nextToken: UInt64 = 2
    /// Set by `beginDraining()`: idle connections are closed rather than released.
    var draining = false

    /// The number of open connections.
    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return slots.count
    }

    /// A fresh token for a new connection.
    func makeToken() -> UInt64 {
        condition.lock()
        defer { condition.unlock() }
        nextToken += 1
        return nextToken
    }

    /// Adds `connection`, unclaimed, and arms its socket with `arm` (under the lock, so no
    /// worker can see a report for it before it is in the table); `false`, with nothing
    /// added, if the table is draining or `arm` fails.
    func admit(_ connection: HTTPConnection, deadline: UInt64, idleSince: UInt64, arm: () -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !draining else { return false }
        slots[connection.token] = Slot(connection: connection, claimed: false, deadline: deadline, idleSince: idleSince)
        guard arm() else {
            slots[connection.token] = nil
            return false
        }
        return true
    }

    /// The connection with `token` if it is open and no one holds it; it is now claimed.
    /// With it comes a deferred response delivered for it, if one is waiting.
    func claim(_ token: UInt64) -> (connection: HTTPConnection, delivered: HTTPResponse?)? {
        condition.lock()
        defer { condition.unlock() }
        guard let slot = slots[token], !slot.claimed else { return nil }
        slots[token]?.claimed = true
        slots[token]?.parked = false
        slots[token]?.delivered = nil
        return (slot.connection, slot.delivered)
    }

    /// Sets a claimed connection aside until a deferred response is delivered for it, with
    /// its deadline; or, when one was delivered already, keeps the claim and returns it.
    func park(_ connection: HTTPConnection, deadline: UInt64) -> HTTPResponse? {
        condition.lock()
        defer { condition.unlock() }
        guard let slot = slots[connection.token] else { return nil }
        if let delivered = slot.delivered {
            slots[connection.token]?.delivered = nil
            return delivered
        }
        slots[connection.token]?.claimed = false
        slots[connection.token]?.parked = true
        slots[connection.token]?.deadline = deadline
        slots[connection.token]?.idleSince = nil
        return nil
    }

    /// Delivers `response` for request number `request` of the connection with `token`, if
    /// it is still open and that request has not been answered. A parked connection is
    /// returned, claimed, for the caller to write the response; otherwise the response waits
    /// in the slot for whoever holds the connection, and `nil` is returned.
    func deliver(_ response: HTTPResponse, to token: UInt64, request: UInt64) -> HTTPConnection? {
        condition.lock()
        defer { condition.unlock() }
        guard let slot = slots[token], request > slot.deliveredThrough else { return nil }
        slots[token]?.deliveredThrough = request
        guard slot.parked else {
            slots[token]?.delivered = response
            return nil
        }
        slots[token]?.parked = false
        slots[token]?.claimed = true
        return slot.connection
    }

    /// Gives a claimed connection back with its next deadline and re-arms its socket with
    /// `arm` (under the lock: a sweep cannot close the socket between the two). Returns
    /// `false`, keeping the claim, if the table is draining and the connection is idle:
    /// the caller closes it.
    func release(_ connection: HTTPConnection, deadline: UInt64, idleSince: UInt64?, arm: () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if draining && idleSince != nil { return false }
        slots[connection.token]?.claimed = false
        slots[connection.token]?.deadline = deadline
        slots[connection.token]?.idleSince = idleSince
        arm()
        return true
    }

    /// Forgets a claimed connection; the caller deregisters and closes its socket.
    func remove(_ connection: HTTPConnection) {
        condition.lock()
        defer { condition.unlock() }
        slots[connection.token] = nil
        if slots.isEmpty { condition.broadcast() }
    }

    /// Claims every unclaimed connection whose deadline is at or before `now`.
    func claimExpired(now: UInt64) -> [HTTPConnection] {
        condition.lock()
        defer { condition.unlock() }
        var expired: [HTTPConnection] = []
        for (token, slot) in slots where !slot.claimed && slot.deadline <= now {
            slots[token]?.claimed = true
            slots[token]?.parked = false
            expired.append(slot.connection)
        }
        return expired
    }

    /// Claims up to `limit` unclaimed idle connections, those idle longest first, among
    /// those idle since `cutoff` or earlier.
    func claimOldestIdle(limit: Int, idleSince cutoff: UInt64) -> [HTTPConnection] {
        condition.lock()
        defer { condition.unlock() }
        var candidates: [(since: UInt64, token: UInt64)] = []
        for (token, slot) in slots where !slot.claimed {
            if let since = slot.idleSince, since <= cutoff { candidates.append((since, token)) }
        }
        candidates.sort { $0.since < $1.since }
        var claimed: [HTTPConnection] = []
        for candidate in candidates.prefix(limit) {
            slots[candidate.token]?.claimed = true
            if let connection = slots[candidate.token]?.connection { claimed.append(connection) }
        }
        return claimed
    }

    /// Starts draining for shutdown and claims every idle connection, for the caller to close.
    func beginDraining() -> [HTTPConnection] {
        condition.lock()
        defer { condition.unlock() }
        draining = true
        var idle: [HTTPConnection] = []
        for (token, slot) in slots where !slot.claimed && slot.idleSince != nil {
            slots[token]?.claimed = true
            idle.append(slot.connection)
        }
        return idle
    }

    /// Blocks until every connection has been removed.
    func waitUntilEmpty() {
        condition.lock()
        while !slots.isEmpty { condition.wait() }
        condition.unlock()
    }
}
