import AWSWire
import Testing

@Suite("HTTPRequestDecoder")
struct HTTPRequestDecoderTests {
    let crlf = HTTPDecoding.crlf

    @Test("a GET with headers decodes into method, target, headers and version")
    func simpleGet() throws {
        let outcome = HTTPDecoding.decode(crlf("GET /?Action=GetCallerIdentity HTTP/1.1\nHost: localhost\nX-Amz-Date:  20240101T000000Z \n\n"))
        #expect(outcome.error == nil)
        let request = try #require(outcome.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/?Action=GetCallerIdentity")
        #expect(request.query == "Action=GetCallerIdentity")
        #expect(request.version == .http1_1)
        #expect(request.headers.map(\.name) == ["Host", "X-Amz-Date"])
        #expect(request.header("x-amz-date") == "20240101T000000Z")
        #expect(request.body.isEmpty)
        #expect(outcome.keepAlives == [true])
    }

    @Test("a Content-Length body is read exactly, header names in any case")
    func contentLengthBody() throws {
        let outcome = HTTPDecoding.decode(crlf("POST / HTTP/1.1\nhOsT: x\ncOnTeNt-LeNgTh: 5\n\nhello"))
        let request = try #require(outcome.requests.first)
        #expect(request.body == Array("hello".utf8))
        #expect(outcome.error == nil)
    }

    @Test("nothing is reported until the request is complete")
    func needsMoreBytes() throws {
        var decoder = HTTPRequestDecoder()
        decoder.feed(crlf("POST / HTTP/1.1\nHost: x\nContent-Length: 4\n\nab"))
        #expect(try decoder.next() == nil)
        #expect(!decoder.isIdle)
        decoder.feed(Array("cd".utf8))
        let event = try decoder.next()
        #expect(event == .request(HTTPRequest(method: "POST", target: "/", headers: [("Host", "x"), ("Content-Length", "4")], body: Array("abcd".utf8)), keepAlive: true))
        #expect(decoder.isIdle)
        #expect(try decoder.next() == nil)
    }

    @Test("isReadingHead tells a head under way from a body under way")
    func readingHead() throws {
        var decoder = HTTPRequestDecoder()
        #expect(decoder.isReadingHead && decoder.isIdle)
        decoder.feed(Array("POST / HTTP/1.1\r\nHo".utf8))
        #expect(try decoder.next() == nil)
        #expect(decoder.isReadingHead && !decoder.isIdle)
        decoder.feed(Array("st: x\r\nContent-Length: 4\r\n\r\nab".utf8))
        #expect(try decoder.next() == nil)
        #expect(!decoder.isReadingHead)
        decoder.feed(Array("cd".utf8))
        #expect(try decoder.next() != nil)
        #expect(decoder.isReadingHead && decoder.isIdle)
    }

    @Test("pipelined requests in one buffer come out in order")
    func pipelined() {
        let stream = crlf("POST /a HTTP/1.1\nHost: x\nContent-Length: 3\n\none")
            + crlf("GET /b HTTP/1.1\nHost: x\n\n")
            + crlf("POST /c HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n3\nthr\n2\nee\n0\n\n")
        let outcome = HTTPDecoding.decode(stream)
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.target) == ["/a", "/b", "/c"])
        #expect(outcome.requests.map { String(decoding: $0.body, as: UTF8.self) } == ["one", "", "three"])
    }

    @Test("byte-at-a-time feeding gives the same events as one shot")
    func byteAtATime() {
        let stream = crlf("\nPOST /a HTTP/1.1\nHost: x\nExpect: 100-continue\nContent-Length: 3\n\none")
            + crlf("POST /c HTTP/1.0\nTransfer-Encoding: chunked\nConnection: keep-alive\n\n3;name=value\nthr\n2\nee\n0\nTrailer: t\n\n")
            + crlf("GET /d HTTP/1.1\nHost: x\nConnection: close\n\n")
        let oneShot = HTTPDecoding.decode(stream)
        let bytewise = HTTPDecoding.decodeByteAtATime(stream)
        #expect(oneShot.error == nil)
        #expect(oneShot.requests.count == 3)
        #expect(bytewise.requests == oneShot.requests)
        #expect(bytewise.keepAlives == oneShot.keepAlives)
        #expect(bytewise.keepAlives == [true, true, false])
        // One shot has the body already, so no 100 Continue is needed; byte by byte it is.
        #expect(!oneShot.events.contains(.continueExpected))
        #expect(bytewise.events.filter { $0 == .continueExpected }.count == 1)
    }

    @Test("random split points of a valid stream give the same requests")
    func randomSplits() {
        let stream = crlf("POST /1 HTTP/1.1\nHost: x\nContent-Length: 11\n\nhello world")
            + crlf("POST /2 HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n1A\nabcdefghijklmnopqrstuvwxyz\n1a;x=\"y\"\nABCDEFGHIJKLMNOPQRSTUVWXYZ\n0\nA: 1\nB: 2\n\n")
            + crlf("\nGET /3?x=1 HTTP/1.1\nHost: x\nConnection: keep-alive, Close\n\n")
        let expected = HTTPDecoding.decode(stream)
        #expect(expected.error == nil)
        #expect(expected.requests.count == 3)
        var generator = SplitMix64(seed: 0x6b64_736c_6162)
        for _ in 0..<300 {
            let count = Int(generator.next() % 12)
            let cuts = (0..<count).map { _ in Int(generator.next() % UInt64(stream.count + 1)) }.sorted()
            let outcome = HTTPDecoding.decode(stream, cuts: cuts)
            #expect(outcome.requests == expected.requests, "cuts \(cuts)")
            #expect(outcome.keepAlives == [true, true, false], "cuts \(cuts)")
            #expect(outcome.error == nil, "cuts \(cuts)")
        }
    }

    @Test("chunked bodies: hex in either case, extensions ignored, trailers dropped, zero-size last chunk")
    func chunked() throws {
        let stream = crlf("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: Chunked\n\nA\n0123456789\na ; ext=1\nabcdefghij\n0;last\nX-Checksum: abc\nX-Other: d\n\n")
        let outcome = HTTPDecoding.decode(stream)
        let request = try #require(outcome.requests.first)
        #expect(request.body == Array("0123456789abcdefghij".utf8))
        #expect(request.header("X-Checksum") == nil)
        #expect(outcome.error == nil)
    }

    @Test("an empty chunked body is a single zero-size chunk")
    func emptyChunked() throws {
        let outcome = HTTPDecoding.decode(crlf("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n0\n\n"))
        let request = try #require(outcome.requests.first)
        #expect(request.body.isEmpty)
    }

    @Test("Expect: 100-continue is reported once, before the body arrives")
    func expectContinue() throws {
        var decoder = HTTPRequestDecoder()
        decoder.feed(crlf("PUT /x HTTP/1.1\nHost: x\nExpect: 100-Continue\nContent-Length: 2\n\n"))
        #expect(try decoder.next() == .continueExpected)
        #expect(try decoder.next() == nil)
        decoder.feed(Array("o".utf8))
        #expect(try decoder.next() == nil)
        decoder.feed(Array("k".utf8))
        guard case .request(let request, _) = try decoder.next() else {
            Issue.record("expected a request")
            return
        }
        #expect(request.body == Array("ok".utf8))
    }

    @Test("Expect: 100-continue without a body, or from HTTP/1.0, asks for nothing")
    func expectContinueIgnored() {
        let noBody = HTTPDecoding.decodeByteAtATime(crlf("GET / HTTP/1.1\nHost: x\nExpect: 100-continue\n\n"))
        #expect(!noBody.events.contains(.continueExpected))
        let old = HTTPDecoding.decodeByteAtATime(crlf("POST / HTTP/1.0\nExpect: 100-continue\nContent-Length: 1\n\nx"))
        #expect(!old.events.contains(.continueExpected))
        #expect(old.requests.count == 1)
    }

    @Test(
        "keep-alive follows the version and the Connection header",
        arguments: [
            ("GET / HTTP/1.1\nHost: x\n\n", true),
            ("GET / HTTP/1.1\nHost: x\nConnection: close\n\n", false),
            ("GET / HTTP/1.1\nHost: x\nConnection: Upgrade, CLOSE\n\n", false),
            ("GET / HTTP/1.1\nHost: x\nConnection: keep-alive\n\n", true),
            ("GET / HTTP/1.0\n\n", false),
            ("GET / HTTP/1.0\nConnection: Keep-Alive\n\n", true),
            ("GET / HTTP/1.0\nConnection: keep-alive, close\n\n", false),
        ])
    func keepAlive(head: String, expected: Bool) {
        let outcome = HTTPDecoding.decode(crlf(head))
        #expect(outcome.keepAlives == [expected])
    }

    @Test("an HTTP/1.0 request is reported as such")
    func http10() throws {
        let request = try #require(HTTPDecoding.decode(crlf("GET / HTTP/1.0\n\n")).requests.first)
        #expect(request.version == .http1_0)
    }

    @Test(
        "malformed and unsupported requests fail with the status they deserve",
        arguments: [
            // 400: the request line.
            ("GET /\n\n", HTTPRequestDecodeError.malformedRequestLine),
            ("GET  / HTTP/1.1\nHost: x\n\n", .malformedRequestLine),
            ("GET / HTTP/1.1 \nHost: x\n\n", .malformedRequestLine),
            ("G(T / HTTP/1.1\nHost: x\n\n", .malformedRequestLine),
            ("GET / HTTX/1.1\nHost: x\n\n", .malformedRequestLine),
            ("GET / HTTP/11\nHost: x\n\n", .malformedRequestLine),
            ("GET /a\u{7F}b HTTP/1.1\nHost: x\n\n", .malformedRequestLine),
            // 400: headers.
            ("GET / HTTP/1.1\nHost: x\nNoColon\n\n", .malformedHeader),
            ("GET / HTTP/1.1\nHost: x\n: empty name\n\n", .malformedHeader),
            ("GET / HTTP/1.1\nHost: x\nBad Name: v\n\n", .malformedHeader),
            ("GET / HTTP/1.1\nHost: x\nName : v\n\n", .malformedHeader),
            ("GET / HTTP/1.1\nHost: x\nName: a\u{01}b\n\n", .malformedHeader),
            ("GET / HTTP/1.1\nHost: x\nX-A: one\n  two\n\n", .obsoleteLineFolding),
            ("GET / HTTP/1.1\nHost: x\nX-A: one\n\ttwo\n\n", .obsoleteLineFolding),
            ("GET / HTTP/1.1\n\n", .invalidHost),
            ("GET / HTTP/1.1\nHost: a\nHost: b\n\n", .invalidHost),
            // 400: framing.
            ("POST / HTTP/1.1\nHost: x\nContent-Length: 1x\n\n", .invalidContentLength),
            ("POST / HTTP/1.1\nHost: x\nContent-Length: -1\n\n", .invalidContentLength),
            ("POST / HTTP/1.1\nHost: x\nContent-Length:\n\n", .invalidContentLength),
            ("POST / HTTP/1.1\nHost: x\nContent-Length: 1, 1\n\n", .invalidContentLength),
            ("POST / HTTP/1.1\nHost: x\nContent-Length: 3\nContent-Length: 3\n\nabc", .conflictingContentLength),
            ("POST / HTTP/1.1\nHost: x\nContent-Length: 3\nContent-Length: 4\n\nabc", .conflictingContentLength),
            ("POST / HTTP/1.1\nHost: x\nContent-Length: 3\nTransfer-Encoding: chunked\n\n", .conflictingContentLength),
            ("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked, chunked\n\n", .malformedTransferEncoding),
            ("POST / HTTP/1.1\nHost: x\nTransfer-Encoding:\n\n", .malformedTransferEncoding),
            ("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\nxyz\n", .malformedChunk),
            ("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n\n", .malformedChunk),
            ("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n3\nabcX", .malformedChunk),
            ("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n3 x\nabc\n", .malformedChunk),
            ("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n0\nX-T: a\n b\n\n", .obsoleteLineFolding),
            // 411, 417, 501, 505.
            ("POST / HTTP/1.1\nHost: x\n\n", .lengthRequired),
            ("PUT / HTTP/1.1\nHost: x\n\n", .lengthRequired),
            ("POST / HTTP/1.1\nHost: x\nExpect: 200-ok\nContent-Length: 1\n\nx", .unsupportedExpectation),
            ("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: gzip, chunked\n\n", .unsupportedTransferEncoding),
            ("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\nTransfer-Encoding: gzip\n\n", .unsupportedTransferEncoding),
            ("GET / HTTP/2.0\nHost: x\n\n", .unsupportedVersion),
            ("GET / HTTP/1.2\nHost: x\n\n", .unsupportedVersion),
            ("GET / HTTP/0.9\n\n", .unsupportedVersion),
        ])
    func errors(stream: String, expected: HTTPRequestDecodeError) {
        let outcome = HTTPDecoding.decode(crlf(stream))
        #expect(outcome.requests.isEmpty)
        #expect(outcome.error == expected)
        // Fed byte by byte the same error comes out.
        #expect(HTTPDecoding.decodeByteAtATime(crlf(stream)).error == expected)
    }

    @Test("errors map to their status codes")
    func statuses() {
        #expect(HTTPRequestDecodeError.malformedHeader.status == 400)
        #expect(HTTPRequestDecodeError.lengthRequired.status == 411)
        #expect(HTTPRequestDecodeError.bodyTooLarge.status == 413)
        #expect(HTTPRequestDecodeError.unsupportedExpectation.status == 417)
        #expect(HTTPRequestDecodeError.headTooLarge.status == 431)
        #expect(HTTPRequestDecodeError.unsupportedTransferEncoding.status == 501)
        #expect(HTTPRequestDecodeError.unsupportedVersion.status == 505)
    }

    @Test("bare LF and bare CR in the head are rejected")
    func lineEndings() {
        let bareLF = Array("GET / HTTP/1.1\nHost: x\r\n\r\n".utf8)
        #expect(HTTPDecoding.decode(bareLF).error == .malformedLineEnding)
        let bareCR = Array("GET / HTTP/1.1\r\nHost: x\rY: z\r\n\r\n".utf8)
        #expect(HTTPDecoding.decode(bareCR).error == .malformedLineEnding)
    }

    @Test("once failed, the decoder keeps failing with the same error")
    func failureSticks() {
        var decoder = HTTPRequestDecoder()
        decoder.feed(crlf("BROKEN\n\n"))
        #expect(throws: HTTPRequestDecodeError.malformedRequestLine) { try decoder.next() }
        decoder.feed(crlf("GET / HTTP/1.1\nHost: x\n\n"))
        #expect(throws: HTTPRequestDecodeError.malformedRequestLine) { try decoder.next() }
    }

    @Test("a head over the limit is 431, whether or not its end has arrived")
    func headLimit() {
        let limits = HTTPLimits(maxHeaderBytes: 64, maxBodyBytes: 100)
        let big = "GET / HTTP/1.1\nHost: x\nX-Pad: \(String(repeating: "a", count: 60))\n\n"
        #expect(HTTPDecoding.decode(crlf(big), limits: limits).error == .headTooLarge)
        let unfinished = "GET / HTTP/1.1\nHost: x\nX-Pad: \(String(repeating: "a", count: 60))"
        #expect(HTTPDecoding.decode(crlf(unfinished), limits: limits).error == .headTooLarge)
        let fits = "GET / HTTP/1.1\nHost: x\nX-Pad: \(String(repeating: "a", count: 20))\n\n"
        #expect(HTTPDecoding.decode(crlf(fits), limits: limits).requests.count == 1)
        // Each request of a pipeline gets the whole limit.
        #expect(HTTPDecoding.decode(crlf(fits + fits + fits), limits: limits).requests.count == 3)
    }

    @Test("trailers count against the head limit")
    func trailerLimit() {
        let limits = HTTPLimits(maxHeaderBytes: 64, maxBodyBytes: 100)
        let stream = "POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n0\nX-T: \(String(repeating: "a", count: 70))\n\n"
        #expect(HTTPDecoding.decode(crlf(stream), limits: limits).error == .headTooLarge)
    }

    @Test("a body over the limit is 413 from Content-Length alone, or as chunks add up")
    func bodyLimit() {
        let limits = HTTPLimits(maxHeaderBytes: 1024, maxBodyBytes: 10)
        #expect(HTTPDecoding.decode(crlf("POST / HTTP/1.1\nHost: x\nContent-Length: 11\n\n"), limits: limits).error == .bodyTooLarge)
        #expect(HTTPDecoding.decode(crlf("POST / HTTP/1.1\nHost: x\nContent-Length: 99999999999999999999999\n\n"), limits: limits).error == .bodyTooLarge)
        #expect(HTTPDecoding.decode(crlf("POST / HTTP/1.1\nHost: x\nContent-Length: 10\n\n0123456789"), limits: limits).requests.count == 1)
        let chunked = "POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n6\n012345\n5\n"
        #expect(HTTPDecoding.decode(crlf(chunked), limits: limits).error == .bodyTooLarge)
        let huge = "POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\nFFFFFFFFFFFFFFFFFFFF\n"
        #expect(HTTPDecoding.decode(crlf(huge), limits: limits).error == .bodyTooLarge)
        let fits = "POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n5\n01234\n5\n56789\n0\n\n"
        #expect(HTTPDecoding.decode(crlf(fits), limits: limits).requests.first?.body.count == 10)
    }

    @Test("an oversized body is refused before 100 Continue would invite it")
    func noContinueForOversizedBody() {
        let limits = HTTPLimits(maxHeaderBytes: 1024, maxBodyBytes: 10)
        let outcome = HTTPDecoding.decode(crlf("PUT / HTTP/1.1\nHost: x\nExpect: 100-continue\nContent-Length: 11\n\n"), limits: limits)
        #expect(outcome.events.isEmpty)
        #expect(outcome.error == .bodyTooLarge)
    }

    @Test("a long-lived connection's buffer does not keep consumed requests")
    func bufferReuse() throws {
        var decoder = HTTPRequestDecoder()
        let request = crlf("POST / HTTP/1.1\nHost: x\nContent-Length: 1000\n\n") + Array(repeating: 65, count: 1000)
        for _ in 0..<200 {
            decoder.feed(request + request.prefix(10))
            #expect(try decoder.next() != nil)
            decoder.feed(request.dropFirst(10))
            #expect(try decoder.next() != nil)
            #expect(try decoder.next() == nil)
        }
        #expect(decoder.isIdle)
        #expect(decoder.bufferedByteCount == 0)
    }
}

/// A small deterministic random source for property tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
