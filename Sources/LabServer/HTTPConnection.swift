import AWSWire
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client connection, served on its own thread: read, decode, answer in order, until
/// the client or the server closes it or a timeout cuts it off.
struct HTTPConnection {
    let fd: Int32
    let server: HTTPServer
    var decoder: HTTPRequestDecoder
    /// Responses waiting to be written; pipelined responses go out in one write.
    var output: [UInt8] = []
    /// The last `Date` value, reused within its second.
    var cachedDate: (second: Int, text: String)?

    /// The size of each read; large, so a request usually arrives in one call.
    static let readSize = 64 * 1024
    /// Responses buffered past this size are written before decoding more.
    static let flushThreshold = 64 * 1024

    init(fd: Int32, server: HTTPServer) {
        self.fd = fd
        self.server = server
        self.decoder = HTTPRequestDecoder(limits: server.configuration.httpLimits)
        output.reserveCapacity(4096)
    }

    /// Serves the connection until it ends, then closes the socket.
    mutating func run() {
        let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readSize, alignment: 16)
        defer {
            readBuffer.deallocate()
            close(fd)
        }
        let configuration = server.configuration
        let requestTimeout = UInt64(max(configuration.requestTimeoutSeconds, 0) * 1e9)
        let idleTimeout = UInt64(max(configuration.idleTimeoutSeconds, 0) * 1e9)
        Socket.setReceiveTimeout(fd, seconds: Self.waitSlice(configuration))
        var idleSince = Socket.monotonicNanoseconds()
        // When the first byte of the request under way arrived; nil between requests.
        var requestStart: UInt64?

        while true {
            switch answerBufferedRequests() {
            case .keepOpen: break
            case .close:
                shutdown(fd, Int32(SHUT_WR))
                return
            case .closeAfterError:
                lingeringClose()
                return
            }
            if decoder.isIdle, requestStart != nil {
                requestStart = nil
                idleSince = Socket.monotonicNanoseconds()
            }
            let stopping = server.isStopping
            if stopping && decoder.isIdle { return }

            let now = Socket.monotonicNanoseconds()
            let deadline = requestStart.map { $0 + requestTimeout } ?? idleSince + idleTimeout
            guard now < deadline else {
                // A request that stalls gets 408; an idle connection just closes.
                if requestStart != nil {
                    var bytes: [UInt8] = []
                    HTTPResponseEncoder.encode(
                        HTTPResponse(status: 408, headers: [("Content-Type", "text/plain; charset=utf-8")],
                                     body: Array("the request was not completed in time\n".utf8)),
                        keepAlive: false, date: date(), into: &bytes)
                    _ = Socket.sendAll(fd, bytes)
                }
                return
            }
            // A blocking read, no poll first: one system call per request. The receive
            // timeout (`waitSlice`) bounds the wait, so deadlines and stopping are seen.
            let n = read(fd, readBuffer.baseAddress, Self.readSize)
            if n == 0 { return }  // the client closed
            if n < 0 {
                if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
                return
            }
            if requestStart == nil { requestStart = Socket.monotonicNanoseconds() }
            decoder.feed(UnsafeRawBufferPointer(rebasing: readBuffer[0..<n]))
        }
    }

    /// What to do after answering what has arrived.
    enum Next { case keepOpen, close, closeAfterError }

    /// Answers every complete request in the buffer, in order, and writes the responses.
    mutating func answerBufferedRequests() -> Next {
        var next = Next.keepOpen
        decoding: do {
            while let event = try decoder.next() {
                switch event {
                case .continueExpected:
                    output.append(contentsOf: HTTPResponseEncoder.continueResponse)
                case .request(let request, let keepAlive):
                    let response = server.handler(request)
                    let keep = keepAlive && !server.isStopping
                    HTTPResponseEncoder.encode(
                        response, keepAlive: keep, requestVersion: request.version, date: date(),
                        includeBody: request.method != "HEAD", into: &output)
                    if !keep {
                        next = .close
                        break decoding
                    }
                }
                if output.count >= Self.flushThreshold {
                    guard flush() else { return .close }
                }
            }
        } catch {
            HTTPResponseEncoder.encode(
                HTTPResponseEncoder.errorResponse(for: error), keepAlive: false, date: date(), into: &output)
            next = .closeAfterError
        }
        guard flush() else { return .close }
        return next
    }

    /// Writes buffered output; `false` if the client is gone.
    mutating func flush() -> Bool {
        guard !output.isEmpty else { return true }
        let ok = Socket.sendAll(fd, output)
        output.removeAll(keepingCapacity: output.capacity <= 1 << 20)
        return ok
    }

    /// After an error response, stops writing and reads (and drops) what the client is still
    /// sending for a short while, so closing does not reset the connection before the client
    /// has read the response.
    func lingeringClose() {
        shutdown(fd, Int32(SHUT_WR))
        let lingerLimit = UInt64(min(1.0, max(server.configuration.requestTimeoutSeconds, 0)) * 1e9)
        let deadline = Socket.monotonicNanoseconds() + lingerLimit
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let now = Socket.monotonicNanoseconds()
            guard now < deadline,
                Socket.poll([fd], timeoutMilliseconds: Self.milliseconds(deadline - now)) != nil
            else { return }
            let n = scratch.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 && !(n < 0 && errno == EINTR) { return }
        }
    }

    /// The `Date` header value, if the server was given a clock.
    mutating func date() -> String? {
        guard let clock = server.clock else { return nil }
        let second = clock()
        if let cachedDate, cachedDate.second == second { return cachedDate.text }
        let text = HTTPDate.imfFixdate(secondsSince1970: second)
        cachedDate = (second, text)
        return text
    }

    /// The longest a read blocks before the connection looks at its deadlines and at
    /// `stop()`: a quarter of the shorter timeout, between 10 and 100 ms.
    static func waitSlice(_ configuration: ServerConfiguration) -> Double {
        let shorter = min(configuration.requestTimeoutSeconds, configuration.idleTimeoutSeconds)
        return min(0.1, max(0.01, shorter / 4))
    }

    /// Nanoseconds rounded up to whole milliseconds for `poll`.
    static func milliseconds(_ nanoseconds: UInt64) -> Int32 {
        Int32(clamping: (nanoseconds + 999_999) / 1_000_000)
    }
}
