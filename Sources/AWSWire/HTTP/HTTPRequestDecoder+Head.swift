extension HTTPRequestDecoder {
    /// What the framing headers of a head said.
    struct Framing {
        var contentLength: Int?
        var transferCodings: [String] = []
        var sawTransferEncoding = false
        var connectionTokens: [String] = []
        var expectsContinue = false
        var hostCount = 0
    }

    /// Decodes the head in `buffer[readIndex..<headEnd]` (which ends in a blank line) into
    /// `pending` and picks the body state.
    mutating func decodeHead(upTo headEnd: Int) throws(HTTPRequestDecodeError) {
        let start = readIndex
        let (request, framing) = try buffer.withUnsafeBufferPointer {
            (buf) throws(HTTPRequestDecodeError) -> (HTTPRequest, Framing) in
            try Self.parseHead(buf[start..<headEnd])
        }
        let version = request.version
        if framing.hostCount > 1 || (version == .http1_1 && framing.hostCount == 0) { throw .invalidHost }

        let hasBody: Bool
        if framing.sawTransferEncoding {
            if framing.contentLength != nil { throw .conflictingContentLength }
            if framing.transferCodings.contains(where: { $0 != "chunked" }) { throw .unsupportedTransferEncoding }
            guard framing.transferCodings.count == 1 else { throw .malformedTransferEncoding }
            state = .chunkSize
            hasBody = true
        } else if let length = framing.contentLength {
            if length > limits.maxBodyBytes { throw .bodyTooLarge }
            state = .fixedBody(length: length)
            hasBody = length > 0
        } else {
            if request.method == "POST" || request.method == "PUT" { throw .lengthRequired }
            state = .fixedBody(length: 0)
            hasBody = false
        }

        let close = framing.connectionTokens.contains("close")
        let keepAlive = version == .http1_1 ? !close : (!close && framing.connectionTokens.contains("keep-alive"))
        // RFC 9110 §10.1.1: an HTTP/1.0 client cannot have sent a real expectation; ignore it.
        let expectsContinue = version == .http1_1 && framing.expectsContinue && hasBody
        pending = Pending(request: request, keepAlive: keepAlive, expectsContinue: expectsContinue)
    }

    /// Parses a request line and header lines (each ending in CRLF, the last line blank).
    static func parseHead(
        _ head: UnsafeBufferPointer<UInt8>.SubSequence
    ) throws(HTTPRequestDecodeError) -> (HTTPRequest, Framing) {
        var lineStart = head.startIndex
        var lines: [Range<Int>] = []
        lines.reserveCapacity(16)
        var i = head.startIndex
        while i < head.endIndex {
            if head[i] == HTTPBytes.lf {
                lines.append(lineStart..<(i - 1))  // findHeadEnd checked the CR
                lineStart = i + 1
            }
            i += 1
        }
        guard let requestLine = lines.first else { throw .malformedRequestLine }
        var request = try parseRequestLine(head[requestLine])
        var framing = Framing()
        request.headers.reserveCapacity(lines.count)
        for line in lines.dropFirst() where !line.isEmpty {
            let header = try parseHeaderLine(head[line], into: &framing)
            request.headers.append(header)
        }
        return (request, framing)
    }

    /// `method SP request-target SP HTTP-version`.
    static func parseRequestLine(
        _ line: UnsafeBufferPointer<UInt8>.SubSequence
    ) throws(HTTPRequestDecodeError) -> HTTPRequest {
        guard let firstSpace = line.firstIndex(of: HTTPBytes.space),
            let secondSpace = line[(firstSpace + 1)...].firstIndex(of: HTTPBytes.space)
        else { throw .malformedRequestLine }
        let method = line[line.startIndex..<firstSpace]
        let target = line[(firstSpace + 1)..<secondSpace]
        let version = line[(secondSpace + 1)...]
        guard !method.isEmpty, method.allSatisfy(HTTPBytes.isTokenByte) else { throw .malformedRequestLine }
        // Visible ASCII only: no spaces, controls (a stray CR included) or raw non-ASCII bytes.
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw .malformedRequestLine }
        return HTTPRequest(
            method: String(decoding: UnsafeBufferPointer(rebasing: method), as: UTF8.self),
            target: String(decoding: UnsafeBufferPointer(rebasing: target), as: UTF8.self),
            version: try parseVersion(version))
    }

    /// `HTTP/1.0` or `HTTP/1.1`; any other well-formed `HTTP/d.d` is unsupported.
    static func parseVersion(_ v: UnsafeBufferPointer<UInt8>.SubSequence) throws(HTTPRequestDecodeError) -> HTTPVersion {
        let s = v.startIndex
        guard v.count == 8, v[s] == UInt8(ascii: "H"), v[s + 1] == UInt8(ascii: "T"), v[s + 2] == UInt8(ascii: "T"),
            v[s + 3] == UInt8(ascii: "P"), v[s + 4] == UInt8(ascii: "/"), v[s + 6] == UInt8(ascii: "."),
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(v[s + 5]),
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(v[s + 7])
        else { throw .malformedRequestLine }
        switch (v[s + 5], v[s + 7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return .http1_0
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return .http1_1
        default: throw .unsupportedVersion
        }
    }

    /// `field-name ":" OWS field-value OWS`, noting the headers that frame the message.
    static func parseHeaderLine(
        _ line: UnsafeBufferPointer<UInt8>.SubSequence, into framing: inout Framing
    ) throws(HTTPRequestDecodeError) -> (name: String, value: String) {
        let first = line[line.startIndex]
        if first == HTTPBytes.space || first == HTTPBytes.tab { throw .obsoleteLineFolding }
        guard let colon = line.firstIndex(of: HTTPBytes.colon), colon > line.startIndex else { throw .malformedHeader }
        let name = line[line.startIndex..<colon]
        guard name.allSatisfy(HTTPBytes.isTokenByte) else { throw .malformedHeader }
        var valueStart = colon + 1
        var valueEnd = line.endIndex
        while valueStart < valueEnd, line[valueStart] == HTTPBytes.space || line[valueStart] == HTTPBytes.tab {
            valueStart += 1
        }
        while valueEnd > valueStart, line[valueEnd - 1] == HTTPBytes.space || line[valueEnd - 1] == HTTPBytes.tab {
            valueEnd -= 1
        }
        let rawValue = line[valueStart..<valueEnd]
        for byte in rawValue where byte < 0x20 && byte != HTTPBytes.tab || byte == 0x7F {
            throw byte == HTTPBytes.cr ? .malformedLineEnding : .malformedHeader
        }
        let value = String(decoding: UnsafeBufferPointer(rebasing: rawValue), as: UTF8.self)
        if HTTPBytes.equalsIgnoringCase(name, "content-length") {
            if framing.contentLength != nil { throw .conflictingContentLength }
            framing.contentLength = try parseContentLength(rawValue)
        } else if HTTPBytes.equalsIgnoringCase(name, "transfer-encoding") {
            framing.sawTransferEncoding = true
            framing.transferCodings += HTTPBytes.listElements(value)
        } else if HTTPBytes.equalsIgnoringCase(name, "connection") {
            framing.connectionTokens += HTTPBytes.listElements(value)
        } else if HTTPBytes.equalsIgnoringCase(name, "expect") {
            guard value.lowercased() == "100-continue" else { throw .unsupportedExpectation }
            framing.expectsContinue = true
        } else if HTTPBytes.equalsIgnoringCase(name, "host") {
            framing.hostCount += 1
        }
        return (String(decoding: UnsafeBufferPointer(rebasing: name), as: UTF8.self), value)
    }

    /// `1*DIGIT`; values too long to be any acceptable size saturate (and exceed the limit).
    static func parseContentLength(_ digits: UnsafeBufferPointer<UInt8>.SubSequence) throws(HTTPRequestDecodeError) -> Int {
        guard !digits.isEmpty else { throw .invalidContentLength }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw .invalidContentLength }
            value = value > Int.max / 20 ? Int.max / 10 : value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
