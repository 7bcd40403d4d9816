/// Why the server could not start listening. `description` is one line saying what and where.
public enum HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another socket is bound to the port (`EADDRINUSE`).
    case addressInUse(host: String, port: Int)
    /// The host is neither an IP address nor a name that resolves to one.
    case invalidHost(String)
    /// The host is an address this machine does not have (`EADDRNOTAVAIL`).
    case addressNotAvailable(host: String)
    /// The port needs privileges this process does not have (`EACCES`).
    case permissionDenied(host: String, port: Int)
    /// The port is outside 0…65535.
    case invalidPort(Int)
    /// `start()` was called on a server that is running or has run.
    case alreadyStarted
    /// A socket call failed for another reason; `code` is the `errno`.
    case socketFailure(operation: String, code: Int32)

    public var description: String {
        switch self {
        case .addressInUse(let host, let port): "port \(port) on \(host) is already in use"
        case .invalidHost(let host): "`\(host)` is not an IP address or a known host name"
        case .addressNotAvailable(let host): "`\(host)` is not an address of this machine"
        case .permissionDenied(let host, let port): "not allowed to listen on port \(port) on \(host)"
        case .invalidPort(let port): "port \(port) is not between 0 and 65535"
        case .alreadyStarted: "the server has already been started"
        case .socketFailure(let operation, let code): "\(operation) failed (errno \(code))"
        }
    }
}
