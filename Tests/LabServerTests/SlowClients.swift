import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Slowloris clients for the tests: each has sent the start of a request head and then one
/// more byte every `interval`, from a background thread, until `stop()`.
final class SlowClients: @unchecked Sendable {
    let clients: [TestClient]
    let interval: Double
    let condition = NSCondition()
    // INVARIANT: `stopping` and `running` are read and written with `condition` locked.
    var stopping = false
    var running = true

    init(count: Int, port: Int, interval: Double) throws {
        clients = try (0..<count).map { _ in try TestClient(port: port) }
        self.interval = interval
        for client in clients { try client.send("POST /slow HTTP/1.1\n") }
        Thread { [self] in drip() }.start()
    }

    /// Sends `X` to every client each interval; a client the server has closed is skipped.
    func drip() {
        var live = clients.map { _ in true }
        condition.lock()
        while !stopping {
            condition.unlock()
            for (i, client) in clients.enumerated() where live[i] {
                live[i] = (try? client.send([UInt8(ascii: "X")])) != nil
            }
            condition.lock()
            _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }

    /// Stops sending and waits for the thread to end.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }
}
