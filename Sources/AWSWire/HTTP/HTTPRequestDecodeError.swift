/// Why a request could not be decoded. Each case maps to the status the server answers with
/// before it closes the connection (the framing is lost, so nothing after it can be trusted).
public enum HTTPRequestDecodeError: Error, Sendable, Equatable {
    /// The request line is not `method SP target SP HTTP/x.y` (400).
    case malformedRequestLine
    /// A header line has no colon, white space before the colon, a bad name or a control
    /// character in its value (400).
    case malformedHeader
    /// A line of the head ends in a bare LF or holds a bare CR (400).
    case malformedLineEnding
    /// A header line continues the previous one (obsolete line folding, 400).
    case obsoleteLineFolding
    /// An HTTP/1.1 request has no `Host` header, or more than one (400).
    case invalidHost
    /// `Content-Length` is not a decimal number (400).
    case invalidContentLength
    /// `Content-Length` appears more than once, or together with `Transfer-Encoding` (400).
    case conflictingContentLength
    /// `Transfer-Encoding` does not end in `chunked`, or names it twice (400).
    case malformedTransferEncoding
    /// A chunk-size line or the CRLF after a chunk is malformed (400).
    case malformedChunk
    /// A `POST` or `PUT` carries neither `Content-Length` nor `Transfer-Encoding: chunked` (411).
    case lengthRequired
    /// The body is larger than `HTTPLimits.maxBodyBytes` (413).
    case bodyTooLarge
    /// The head (or the trailers) is larger than `HTTPLimits.maxHeaderBytes` (431).
    case headTooLarge
    /// `Expect` holds something other than `100-continue` (417).
    case unsupportedExpectation
    /// `Transfer-Encoding` names a coding other than `chunked` (501).
    case unsupportedTransferEncoding
    /// The version is well formed but neither HTTP/1.0 nor HTTP/1.1 (505).
    case unsupportedVersion

    /// The status code to answer with.
    public var status: Int {
        switch self {
        case .malformedRequestLine, .malformedHeader, .malformedLineEnding, .obsoleteLineFolding, .invalidHost,
            .invalidContentLength, .conflictingContentLength, .malformedTransferEncoding, .malformedChunk:
            400
        case .lengthRequired: 411
        case .bodyTooLarge: 413
        case .unsupportedExpectation: 417
        case .headTooLarge: 431
        case .unsupportedTransferEncoding: 501
        case .unsupportedVersion: 505
        }
    }

    /// A one-line explanation, suitable as the body of the error response.
    public var message: String {
        switch self {
        case .malformedRequestLine: "the request line is not `METHOD target HTTP/1.1`"
        case .malformedHeader: "a header line is malformed"
        case .malformedLineEnding: "a line of the request head does not end in CRLF"
        case .obsoleteLineFolding: "a header is folded over several lines (obsolete line folding)"
        case .invalidHost: "an HTTP/1.1 request needs exactly one `Host` header"
        case .invalidContentLength: "`Content-Length` is not a decimal number"
        case .conflictingContentLength: "`Content-Length` appears twice or together with `Transfer-Encoding`"
        case .malformedTransferEncoding: "`Transfer-Encoding` must end in `chunked` and name it once"
        case .malformedChunk: "the chunked body is malformed"
        case .lengthRequired: "the request has a body but neither `Content-Length` nor `Transfer-Encoding: chunked`"
        case .bodyTooLarge: "the request body is larger than the server accepts"
        case .headTooLarge: "the request head is larger than the server accepts"
        case .unsupportedExpectation: "only `Expect: 100-continue` is supported"
        case .unsupportedTransferEncoding: "only `Transfer-Encoding: chunked` is supported"
        case .unsupportedVersion: "only HTTP/1.0 and HTTP/1.1 are supported"
        }
    }
}
