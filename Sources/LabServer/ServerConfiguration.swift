import Foundation

/// How the listener runs: where it binds and the limits that protect it from slow, stalled,
/// idle or oversized clients.
public struct ServerConfiguration: Sendable, Equatable {
    /// The address to bind; loopback unless the user asks otherwise.
    public var host: String = "127.0.0.1"
    /// The TCP port (`kdslab serve`'s default is 4567; 0 asks the system for a free one).
    public var port: Int = 4567
    /// The largest request head (request line and headers), in bytes.
    public var maxHeaderBytes: Int = 64 * 1024
    /// The largest request body, in bytes (PutRecords can carry up to 10 MiB of records,
    /// base64-encoded in JSON).
    public var maxBodyBytes: Int = 16 * 1024 * 1024
    /// How long a client may take, from the first byte of a request, to send its whole head;
    /// a slower one is answered 408 and closed.
    public var headTimeoutSeconds: Double = 5
    /// How long a connection may take to send a whole request (head and body) once it has
    /// started one, and how long a response may wait for a client that does not read.
    public var requestTimeoutSeconds: Double = 30
    /// How long a connection with nothing under way (an idle keep-alive connection, or one
    /// that has sent nothing yet) is kept open.
    public var idleTimeoutSeconds: Double = 60
    /// The most connections open at once; the server also keeps below the process's
    /// descriptor limit. When full, it closes the connections idle longest to make room, and
    /// only when none is idle do new clients wait in the listen backlog.
    public var maxConnections: Int = 10_000
    /// The threads that read, run the handler and write. Each answers one connection at a
    /// time; idle connections cost no thread.
    public var workerThreads: Int = ServerConfiguration.defaultWorkerThreads

    /// Twice the processors, at least 4: the handler may block on a lock.
    public static let defaultWorkerThreads: Int = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)

    /// The defaults.
    public init() {}

    /// Whether `host` is a loopback address (the CLI warns for anything else).
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}
