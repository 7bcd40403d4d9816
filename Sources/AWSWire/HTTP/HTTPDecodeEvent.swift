/// What `HTTPRequestDecoder.next()` found in the bytes fed so far.
public enum HTTPDecodeEvent: Sendable, Equatable {
    /// The head of a request carrying `Expect: 100-continue` is complete and its body is not:
    /// the server should write `HTTP/1.1 100 Continue` so the client sends the body.
    /// Reported at most once per request, and not at all when the body is already here.
    case continueExpected
    /// A complete request. `keepAlive` says whether the connection may carry another
    /// request after this one's response (HTTP/1.1 unless `Connection: close`;
    /// HTTP/1.0 only with `Connection: keep-alive`).
    case request(HTTPRequest, keepAlive: Bool)
}
