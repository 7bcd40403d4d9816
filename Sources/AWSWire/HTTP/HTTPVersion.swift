/// The HTTP versions the codec speaks: 1.0 and 1.1. Anything else is answered with
/// `505 HTTP Version Not Supported`.
public enum HTTPVersion: Sendable, Equatable, Hashable {
    /// `HTTP/1.0`: connections close after each response unless the client asks for keep-alive.
    case http1_0
    /// `HTTP/1.1`: connections stay open unless either side says `Connection: close`.
    case http1_1

    /// The version as written on the request or status line (`HTTP/1.1`).
    public var text: String {
        switch self {
        case .http1_0: "HTTP/1.0"
        case .http1_1: "HTTP/1.1"
        }
    }
}
