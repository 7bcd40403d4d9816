/// One HTTP/1.1 request as the codec hands it over: method, target, headers and the whole body.
///
/// Header names keep the case they were sent in (SigV4 lowercases them itself); lookups
/// ignore case. Repeated headers stay separate, in order.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST`, …
    public var method: String
    /// The request target as sent: path and query (`/?Action=GetCallerIdentity&Version=2011-06-15`).
    public var target: String
    /// Headers in the order received.
    public var headers: [(name: String, value: String)]
    /// The body, de-chunked.
    public var body: [UInt8]
    /// The protocol version on the request line.
    public var version: HTTPVersion

    /// Creates a request.
    public init(
        method: String, target: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
        version: HTTPVersion = .http1_1
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.version = version
    }

    /// The first value of header `name` (any case).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// The path part of the target.
    public var path: String {
        if let q = target.firstIndex(of: "?") { return String(target[..<q]) }
        return target
    }

    /// The query part of the target, without `?` (empty when there is none).
    public var query: String {
        if let q = target.firstIndex(of: "?") { return String(target[target.index(after: q)...]) }
        return ""
    }

    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.target == b.target && a.body == b.body && a.version == b.version
            && a.headers.map { [$0.name, $0.value] } == b.headers.map { [$0.name, $0.value] }
    }
}
