import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Readiness` over `poll`, for systems without `epoll`: one thread polls every armed socket
/// and queues the ready ones, disarmed; workers take them from the queue.
///
/// Arming a socket while the thread is in `poll` wakes it through a pipe so it polls the
/// new set. Each `poll` call costs time in proportion to the armed sockets, so this serves
/// thousands of idle connections correctly but less cheaply than `epoll`.
final class PollReadiness: Readiness, @unchecked Sendable {
    // INVARIANT: everything below except the pipe's descriptors is read and written with
    // `condition` locked. `entries[i].fd` is negative while slot i is disarmed or free
    // (`poll` skips negative descriptors); `armedFDs[i]` keeps the descriptor meanwhile.
    let condition = NSCondition()
    var entries: [pollfd] = []
    var armedFDs: [Int32] = []
    var tokens: [UInt64] = []
    var slotByFD: [Int32: Int] = [:]
    var freeSlots: [Int] = []
    /// Ready tokens not yet taken, oldest first from `readyHead`.
    var ready: [UInt64] = []
    var readyHead = 0
    /// Whether the polling thread is inside `poll` (and needs a byte on the pipe to see a
    /// change); whether that byte is already on its way.
    var polling = false
    var wakePending = false
    var woken = false
    var disposed = false
    var pollerRunning = false
    let wakeRead: Int32
    let wakeWrite: Int32

    init() throws(HTTPServerError) {
        (wakeRead, wakeWrite) = try Socket.makeWakePipe()
        pollerRunning = true
        let poller = Thread { [self] in pollLoop() }
        poller.name = "kdslab-http-poll"
        poller.start()
    }

    func register(_ fd: Int32, token: UInt64, interest: ReadinessInterest) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = entries.count
            entries.append(pollfd(fd: -1, events: 0, revents: 0))
            armedFDs.append(-1)
            tokens.append(0)
        }
        slotByFD[fd] = slot
        armedFDs[slot] = fd
        tokens[slot] = token
        arm(slot, interest)
        return true
    }

    func rearm(_ fd: Int32, token: UInt64, interest: ReadinessInterest) {
        condition.lock()
        defer { condition.unlock() }
        guard let slot = slotByFD[fd] else { return }
        tokens[slot] = token
        arm(slot, interest)
    }

    func deregister(_ fd: Int32) {
        condition.lock()
        defer { condition.unlock() }
        guard let slot = slotByFD.removeValue(forKey: fd) else { return }
        entries[slot].fd = -1
        armedFDs[slot] = -1
        tokens[slot] = 0
        freeSlots.append(slot)
    }

    func nextReady(timeoutMilliseconds: Int32) -> UInt64? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: Double(max(timeoutMilliseconds, 0)) / 1000)
        while readyHead == ready.count && !woken {
            guard condition.wait(until: deadline) else { return nil }
        }
        guard readyHead < ready.count else { return nil }
        let token = ready[readyHead]
        readyHead += 1
        if readyHead == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyHead = 0
        }
        return token
    }

    func wakeAll() {
        condition.lock()
        woken = true
        condition.broadcast()
        condition.unlock()
    }

    func dispose() {
        condition.lock()
        disposed = true
        wakePoller()
        while pollerRunning { condition.wait() }
        condition.unlock()
        close(wakeRead)
        close(wakeWrite)
    }

    /// Arms `slot` for `interest` and makes sure the polling thread sees it.
    func arm(_ slot: Int, _ interest: ReadinessInterest) {
        entries[slot].fd = armedFDs[slot]
        entries[slot].events = Int16(interest == .readable ? POLLIN : POLLOUT)
        entries[slot].revents = 0
        wakePoller()
    }

    func wakePoller() {
        guard polling, !wakePending else { return }
        wakePending = true
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// The polling thread: polls a copy of the armed set and the pipe, then queues what is
    /// ready and disarms it.
    func pollLoop() {
        condition.lock()
        while !disposed {
            var polled = entries
            polled.append(pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0))
            polling = true
            condition.unlock()
            let n = Self.systemPoll(&polled)
            condition.lock()
            polling = false
            if wakePending || polled[polled.count - 1].revents != 0 {
                Socket.drain(wakeRead)
                wakePending = false
            }
            guard n > 0 else { continue }
            for i in 0..<(polled.count - 1) where polled[i].revents != 0 {
                // Skip a slot disarmed, freed or re-used while the lock was not held.
                guard i < entries.count, entries[i].fd >= 0, entries[i].fd == polled[i].fd else { continue }
                entries[i].fd = -1
                ready.append(tokens[i])
                condition.signal()
            }
        }
        pollerRunning = false
        condition.broadcast()
        condition.unlock()
    }

    static func systemPoll(_ entries: inout [pollfd]) -> Int32 {
        Platform.waitForEvents(&entries, timeoutMilliseconds: -1)
    }
}
