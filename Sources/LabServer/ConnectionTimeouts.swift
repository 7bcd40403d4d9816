/// The configuration's time limits in monotonic nanoseconds, as the event loop uses them.
struct ConnectionTimeouts: Sendable {
    /// From the first byte of a request to the end of its head.
    let head: UInt64
    /// From the first byte of a request to its end; also how long a write may make no progress.
    let request: UInt64
    /// How long a connection with nothing under way stays open.
    let idle: UInt64
    /// How long, after an error response, the server reads and drops what the client still
    /// sends before closing.
    let linger: UInt64
    /// How long a connection must have been idle before it may be closed to make room for a
    /// new client (so a client that has just connected is not cut off before its request).
    let evictionGrace: UInt64
    /// How often deadlines are checked: a quarter of the shortest timeout, 10 to 250 ms.
    let sweepInterval: UInt64

    init(_ configuration: ServerConfiguration) {
        func nanoseconds(_ seconds: Double) -> UInt64 {
            UInt64(min(max(seconds, 0), 1e9) * 1e9)
        }
        head = nanoseconds(configuration.headTimeoutSeconds)
        request = nanoseconds(configuration.requestTimeoutSeconds)
        idle = nanoseconds(configuration.idleTimeoutSeconds)
        linger = min(nanoseconds(1), request)
        evictionGrace = min(nanoseconds(1), idle)
        let shortest = min(head, request, idle)
        sweepInterval = min(max(shortest / 4, nanoseconds(0.01)), nanoseconds(0.25))
    }
}
