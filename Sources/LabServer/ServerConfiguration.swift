/// How the listener runs: where it binds and the limits that protect it from slow, stalled
/// or oversized clients.
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
    /// How long a connection may take to send a whole request once it has started one.
    public var requestTimeoutSeconds: Double = 30
    /// How long an idle keep-alive connection is kept open.
    public var idleTimeoutSeconds: Double = 60
    /// The most connections served at once; more wait in the listen backlog.
    public var maxConnections: Int = 256

    /// The defaults.
    public init() {}

    /// Whether `host` is a loopback address (the CLI warns for anything else).
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}
