import AWSWire
import Testing

@Suite("HTTPResponseEncoder")
struct HTTPResponseEncoderTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("a keep-alive response has status line, headers, Date and Content-Length")
    func keepAlive() {
        let response = HTTPResponse(status: 200, headers: [("Content-Type", "application/x-amz-json-1.1")], body: Array("{}".utf8))
        let bytes = HTTPResponseEncoder.encode(response, keepAlive: true, date: "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(text(bytes) == "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 2\r\n\r\n{}")
    }

    @Test("a closing response says Connection: close; framing headers from the handler are replaced")
    func closing() {
        let response = HTTPResponse(status: 413, headers: [("content-length", "999"), ("Connection", "keep-alive"), ("X-A", "b")], body: Array("too big".utf8))
        let bytes = HTTPResponseEncoder.encode(response, keepAlive: false)
        #expect(text(bytes) == "HTTP/1.1 413 Content Too Large\r\nX-A: b\r\nContent-Length: 7\r\nConnection: close\r\n\r\ntoo big")
    }

    @Test("an HTTP/1.0 client kept alive is told so")
    func http10KeepAlive() {
        let bytes = HTTPResponseEncoder.encode(HTTPResponse(status: 404), keepAlive: true, requestVersion: .http1_0)
        #expect(text(bytes) == "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n")
    }

    @Test("204 has no Content-Length and no body; HEAD sends the length without the body")
    func bodiless() {
        #expect(text(HTTPResponseEncoder.encode(HTTPResponse(status: 204, body: [1]), keepAlive: true)) == "HTTP/1.1 204 No Content\r\n\r\n")
        let head = HTTPResponseEncoder.encode(HTTPResponse(status: 200, body: Array("abc".utf8)), keepAlive: true, includeBody: false)
        #expect(text(head) == "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n")
    }

    @Test("an encoded response decodes back (status line and length) across many body sizes")
    func lengths() {
        for size in [0, 1, 9, 10, 99, 100, 12345] {
            let bytes = HTTPResponseEncoder.encode(HTTPResponse(status: 200, body: Array(repeating: 120, count: size)), keepAlive: true)
            #expect(text(bytes).contains("Content-Length: \(size)\r\n\r\n"))
            #expect(bytes.count == text(bytes).utf8.count)
        }
    }

    @Test("decode errors become closing responses with their status")
    func errorResponse() {
        let response = HTTPResponseEncoder.errorResponse(for: .headTooLarge)
        #expect(response.status == 431)
        let bytes = HTTPResponseEncoder.encode(response, keepAlive: false)
        #expect(text(bytes).hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"))
        #expect(text(bytes).contains("Connection: close\r\n"))
    }

    @Test("100 Continue is a bare interim status line")
    func continueResponse() {
        #expect(text(HTTPResponseEncoder.continueResponse) == "HTTP/1.1 100 Continue\r\n\r\n")
    }

    @Test(
        "Date values are IMF-fixdate",
        arguments: [
            (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
            (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
            (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
            (1_709_251_199, "Thu, 29 Feb 2024 23:59:59 GMT"),
            (4_102_444_800, "Fri, 01 Jan 2100 00:00:00 GMT"),
            (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
        ])
    func dates(seconds: Int, expected: String) {
        #expect(HTTPDate.imfFixdate(secondsSince1970: seconds) == expected)
    }
}
