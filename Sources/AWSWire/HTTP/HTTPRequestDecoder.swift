/// An incremental HTTP/1.1 request parser: feed it bytes as they arrive, then call `next()`
/// until it returns `nil` (more bytes needed). Several requests in one buffer (pipelining)
/// come out one by one, in order.
///
/// ```swift
/// var decoder = HTTPRequestDecoder(limits: HTTPLimits())
/// decoder.feed(bytes)
/// while let event = try decoder.next() { … }
/// ```
///
/// Bodies are framed by `Content-Length` or `Transfer-Encoding: chunked` (chunk extensions
/// are ignored, trailers read and dropped). Once `next()` throws, the stream is unusable and
/// every later call throws the same error: answer with `error.status` and close.
public struct HTTPRequestDecoder: Sendable {
    /// The limits enforced while decoding.
    public let limits: HTTPLimits

    // INVARIANT: readIndex <= lineStart <= scanIndex <= buffer.count. Bytes before readIndex
    // are consumed; the search for the next LF resumes at scanIndex; lineStart is where the
    // line being scanned began (head and trailer lines only).
    var buffer: [UInt8] = []
    var readIndex = 0
    var lineStart = 0
    var scanIndex = 0
    var state: State = .head
    /// The request whose head has been read and whose body is being read.
    var pending: Pending?
    var failure: HTTPRequestDecodeError?

    /// Where in a request the decoder is.
    enum State: Equatable {
        case head
        case fixedBody(length: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(bytes: Int)
    }

    /// A request with its head decoded, waiting for its body.
    struct Pending {
        var request: HTTPRequest
        var keepAlive: Bool
        var expectsContinue: Bool
        var continueReported = false
    }

    /// The longest chunk-size line (size, extensions) accepted.
    static let maxChunkLineBytes = 4096

    /// Creates a decoder with nothing buffered.
    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Whether no request is under way: nothing is buffered beyond complete requests already
    /// returned. A connection in this state is idle (between requests).
    public var isIdle: Bool {
        state == .head && readIndex == buffer.count
    }

    /// Whether the decoder is between bodies: waiting for (the rest of) a request head, or
    /// idle. With `isIdle` false, a head is under way; a server bounds how long that may take.
    public var isReadingHead: Bool {
        state == .head
    }

    /// The number of bytes fed and not yet consumed by a returned request.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Appends bytes received from the connection.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Appends bytes received from the connection.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next event in the bytes fed so far, or `nil` when more bytes are needed.
    public mutating func next() throws(HTTPRequestDecodeError) -> HTTPDecodeEvent? {
        if let failure { throw failure }
        do {
            return try step()
        } catch {
            failure = error
            throw error
        }
    }

    /// Drops consumed bytes once they are all of the buffer or at least half of a large one,
    /// so memory moves are amortized and a long-lived connection does not grow its buffer.
    mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if readIndex >= 16 * 1024 && readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
        } else {
            return
        }
        lineStart -= readIndex
        scanIndex -= readIndex
        readIndex = 0
    }

    mutating func step() throws(HTTPRequestDecodeError) -> HTTPDecodeEvent? {
        while true {
            switch state {
            case .head:
                guard let headEnd = try findHeadEnd() else { return nil }
                try decodeHead(upTo: headEnd)
                consume(upTo: headEnd)
            case .fixedBody(let length):
                guard buffer.count - readIndex >= length else { return continueOrWait() }
                pending?.request.body = Array(buffer[readIndex..<readIndex + length])
                consume(upTo: readIndex + length)
                return finish()
            case .chunkSize:
                guard let lineEnd = try findChunkLineEnd() else { return continueOrWait() }
                let size = try chunkSize(lineEnd: lineEnd)
                consume(upTo: lineEnd + 1)
                state = size == 0 ? .trailers(bytes: 0) : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let available = min(remaining, buffer.count - readIndex)
                guard available > 0 else { return continueOrWait() }
                pending?.request.body.append(contentsOf: buffer[readIndex..<readIndex + available])
                consume(upTo: readIndex + available)
                state = remaining == available ? .chunkDataEnd : .chunkData(remaining: remaining - available)
            case .chunkDataEnd:
                let available = buffer.count - readIndex
                if available >= 1, buffer[readIndex] != HTTPBytes.cr { throw .malformedChunk }
                if available >= 2, buffer[readIndex + 1] != HTTPBytes.lf { throw .malformedChunk }
                guard available >= 2 else { return continueOrWait() }
                consume(upTo: readIndex + 2)
                state = .chunkSize
            case .trailers(let bytes):
                guard let lineEnd = try findTrailerLineEnd(bytesSoFar: bytes) else { return continueOrWait() }
                let length = lineEnd + 1 - readIndex
                let isBlank = length == 2
                if !isBlank, buffer[readIndex] == HTTPBytes.space || buffer[readIndex] == HTTPBytes.tab {
                    throw .obsoleteLineFolding
                }
                consume(upTo: lineEnd + 1)
                if isBlank { return finish() }
                state = .trailers(bytes: bytes + length)
            }
        }
    }

    /// Marks bytes up to `index` consumed and restarts line scanning there.
    mutating func consume(upTo index: Int) {
        readIndex = index
        lineStart = index
        scanIndex = index
    }

    /// Reports `continueExpected` once for a request that asked for it, else asks for bytes.
    mutating func continueOrWait() -> HTTPDecodeEvent? {
        guard let p = pending, p.expectsContinue, !p.continueReported else { return nil }
        pending?.continueReported = true
        return .continueExpected
    }

    /// Hands over the pending request and gets ready for the next head.
    mutating func finish() -> HTTPDecodeEvent? {
        state = .head
        guard let done = pending else { return nil }
        pending = nil
        return .request(done.request, keepAlive: done.keepAlive)
    }

    /// The index of the LF ending the next line, scanning from `scanIndex`, or `nil` (with
    /// `scanIndex` advanced) when no LF has arrived yet. Checks the CR before the LF.
    mutating func findLF() throws(HTTPRequestDecodeError) -> Int? {
        let found = buffer.withUnsafeBufferPointer { buf in
            buf[scanIndex..<buf.count].firstIndex(of: HTTPBytes.lf)
        }
        guard let lf = found else {
            scanIndex = buffer.count
            return nil
        }
        guard lf > lineStart, buffer[lf - 1] == HTTPBytes.cr else { throw .malformedLineEnding }
        scanIndex = lf + 1
        return lf
    }

    /// Finds the end of the head (one past the LF of the blank line), skipping blank lines
    /// before the request line as RFC 9112 §2.2 allows.
    mutating func findHeadEnd() throws(HTTPRequestDecodeError) -> Int? {
        while true {
            guard let lf = try findLF() else {
                if buffer.count - readIndex > limits.maxHeaderBytes { throw .headTooLarge }
                return nil
            }
            if lf + 1 - readIndex > limits.maxHeaderBytes { throw .headTooLarge }
            if lf - 1 == lineStart {  // a blank line
                if lineStart == readIndex {
                    consume(upTo: lf + 1)
                    continue
                }
                return lf + 1
            }
            lineStart = lf + 1
        }
    }

    mutating func findChunkLineEnd() throws(HTTPRequestDecodeError) -> Int? {
        do {
            guard let lf = try findLF() else {
                if buffer.count - readIndex > Self.maxChunkLineBytes { throw HTTPRequestDecodeError.malformedChunk }
                return nil
            }
            return lf
        } catch {
            throw .malformedChunk
        }
    }

    mutating func findTrailerLineEnd(bytesSoFar: Int) throws(HTTPRequestDecodeError) -> Int? {
        guard let lf = try findLF() else {
            if bytesSoFar + buffer.count - readIndex > limits.maxHeaderBytes { throw .headTooLarge }
            return nil
        }
        if bytesSoFar + lf + 1 - readIndex > limits.maxHeaderBytes { throw .headTooLarge }
        return lf
    }

    /// The size on the chunk-size line ending at `lineEnd` (hex, either case; extensions
    /// after `;` ignored), checked against the body limit.
    func chunkSize(lineEnd: Int) throws(HTTPRequestDecodeError) -> Int {
        var size = 0
        var digits = 0
        var index = readIndex
        let end = lineEnd - 1  // the CR
        while index < end, let value = HTTPBytes.hexValue(buffer[index]) {
            size = size &* 16 &+ Int(value)
            digits += 1
            index += 1
            if digits > 15 { throw .bodyTooLarge }  // over 2^60 bytes: no body limit is that large
        }
        guard digits > 0 else { throw .malformedChunk }
        while index < end, buffer[index] == HTTPBytes.space || buffer[index] == HTTPBytes.tab { index += 1 }
        guard index == end || buffer[index] == HTTPBytes.semicolon else { throw .malformedChunk }
        if size > limits.maxBodyBytes - (pending?.request.body.count ?? 0) { throw .bodyTooLarge }
        return size
    }
}
