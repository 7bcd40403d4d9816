/// Serializes responses for the wire: status line with reason phrase, the response's headers,
/// then `Date`, `Content-Length` and `Connection` as the connection needs them.
///
/// Headers the encoder owns (`Content-Length`, `Transfer-Encoding`, `Connection`, `Date`)
/// are dropped from `response.headers` so a handler cannot frame the message wrongly.
public enum HTTPResponseEncoder {
    /// The interim response that tells a client sending `Expect: 100-continue` to go on.
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Appends `response` to `output`.
    ///
    /// - Parameters:
    ///   - keepAlive: whether the connection stays open after this response; `false` adds
    ///     `Connection: close`. With an HTTP/1.0 client, `true` adds `Connection: keep-alive`.
    ///   - requestVersion: the version of the request being answered.
    ///   - date: the `Date` header value (see `HTTPDate`), or `nil` to send none; the codec
    ///     cannot read the clock.
    ///   - includeBody: `false` for a response to `HEAD`: the length is sent, the body is not.
    public static func encode(
        _ response: HTTPResponse, keepAlive: Bool, requestVersion: HTTPVersion = .http1_1, date: String? = nil,
        includeBody: Bool = true, into output: inout [UInt8]
    ) {
        output.reserveCapacity(output.count + 128 + response.headers.count * 48 + response.body.count)
        output.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(response.status, to: &output)
        output.append(HTTPBytes.space)
        output.append(contentsOf: reasonPhrase(for: response.status).utf8)
        output.append(contentsOf: "\r\n".utf8)
        for (name, value) in response.headers where !isOwnedByEncoder(name) {
            output.append(contentsOf: name.utf8)
            output.append(contentsOf: ": ".utf8)
            output.append(contentsOf: value.utf8)
            output.append(contentsOf: "\r\n".utf8)
        }
        if let date {
            output.append(contentsOf: "Date: ".utf8)
            output.append(contentsOf: date.utf8)
            output.append(contentsOf: "\r\n".utf8)
        }
        // RFC 9110 §8.6: no Content-Length on 1xx and 204; 304 has no body.
        let bodyAllowed = response.status >= 200 && response.status != 204 && response.status != 304
        if bodyAllowed {
            output.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &output)
            output.append(contentsOf: "\r\n".utf8)
        }
        if !keepAlive {
            output.append(contentsOf: "Connection: close\r\n".utf8)
        } else if requestVersion == .http1_0 {
            output.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        output.append(contentsOf: "\r\n".utf8)
        if bodyAllowed && includeBody { output.append(contentsOf: response.body) }
    }

    /// `response` serialized on its own.
    public static func encode(
        _ response: HTTPResponse, keepAlive: Bool, requestVersion: HTTPVersion = .http1_1, date: String? = nil,
        includeBody: Bool = true
    ) -> [UInt8] {
        var output: [UInt8] = []
        encode(response, keepAlive: keepAlive, requestVersion: requestVersion, date: date, includeBody: includeBody,
               into: &output)
        return output
    }

    /// The response for a request that could not be decoded: its status, a one-line text body,
    /// and (always) `Connection: close`.
    public static func errorResponse(for error: HTTPRequestDecodeError) -> HTTPResponse {
        HTTPResponse(
            status: error.status, headers: [("Content-Type", "text/plain; charset=utf-8")],
            body: Array((error.message + "\n").utf8))
    }

    /// Whether the encoder writes header `name` itself.
    static func isOwnedByEncoder(_ name: String) -> Bool {
        let utf8 = name.utf8
        switch utf8.count {
        case 4: return equalsIgnoringCase(utf8, "date")
        case 10: return equalsIgnoringCase(utf8, "connection")
        case 14: return equalsIgnoringCase(utf8, "content-length")
        case 17: return equalsIgnoringCase(utf8, "transfer-encoding")
        default: return false
        }
    }

    /// Whether `name` equals `lowercase` ignoring ASCII case, without allocating.
    static func equalsIgnoringCase(_ name: String.UTF8View, _ lowercase: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        return name.count == expected.count && zip(name, expected).allSatisfy { HTTPBytes.lowered($0) == $1 }
    }

    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value < 10 {
            output.append(UInt8(ascii: "0") + UInt8(max(value, 0)))
            return
        }
        var digits: [UInt8] = []
        var v = value
        while v > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        }
        output.append(contentsOf: digits.reversed())
    }

    /// The standard reason phrase for `status` (RFC 9110 §15), or `Unknown`.
    public static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Unknown"
        }
    }
}
