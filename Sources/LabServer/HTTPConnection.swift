import AWSWire
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client connection on a non-blocking socket: it reads what has arrived, decodes it,
/// answers complete requests in order and writes the responses, until the socket would
/// block; then it says what to wait for. Whoever holds the connection in the
/// `ConnectionTable` calls it; nobody else touches it.
///
/// When a deferring handler answers later, the connection stops at that request (so answers
/// stay in the order of the requests) and asks to be parked until the response is delivered.
final class HTTPConnection {
    let fd: Int32
    let token: UInt64
    let server: HTTPServer
    /// The loop the connection belongs to (which outlives it), for the responders it hands out.
    unowned let loop: EventLoop
    var decoder: HTTPRequestDecoder
    /// Responses not yet written, from `outputOffset` on; pipelined responses go out in one
    /// write.
    var output: [UInt8] = []
    var outputOffset = 0
    var phase = Phase.open
    /// When the first byte of the request under way arrived; `nil` between requests.
    var requestStart: UInt64?
    /// When the connection last finished a request (or was accepted).
    var idleSince: UInt64
    /// When the last write made progress, while output is waiting.
    var writeProgress: UInt64 = 0
    /// Whether the last read emptied the socket; if so, reading again would only block.
    var drained = false
    /// The last `Date` value, reused within its second.
    var cachedDate: (second: Int, text: String)?
    /// How many requests have been handed to the handler.
    var requestNumber: UInt64 = 0
    /// The request whose response a deferring handler will send, while there is one.
    var awaiting: RequestInFlight?

    /// What encoding a request's response depends on, kept while the response is awaited.
    struct RequestInFlight {
        var keepAlive: Bool
        var version: HTTPVersion
        var includeBody: Bool
        /// When the handler deferred it (monotonic nanoseconds).
        var since: UInt64
    }

    /// Where the connection is in its life.
    enum Phase: Equatable {
        /// Reading and answering requests.
        case open
        /// The last response is queued; after writing it, stop sending and close
        /// (`linger`: first read and drop what the client still sends, for a while).
        case closing(linger: Bool)
        /// Sending is shut down; reading and dropping until end of stream or `until`.
        case lingering(until: UInt64)
    }

    /// What the holder does next.
    enum Outcome: Equatable {
        /// Release the connection and wait for the socket to become ready.
        case wait(ReadinessInterest)
        /// Park the connection until its deferred response is delivered.
        case park
        /// Close the socket and forget the connection.
        case close
    }

    /// Responses buffered past this size are written before more requests are answered.
    static let flushThreshold = 64 * 1024
    /// Reads in one turn before the worker lets other connections have it.
    static let readsPerTurn = 8

    init(fd: Int32, token: UInt64, loop: EventLoop, now: UInt64) {
        self.fd = fd
        self.token = token
        self.loop = loop
        self.server = loop.server
        self.decoder = HTTPRequestDecoder(limits: server.configuration.httpLimits)
        self.idleSince = now
    }

    var hasPendingOutput: Bool { outputOffset < output.count }

    /// Since when the connection has had nothing under way, or `nil`.
    var idleMoment: UInt64? {
        phase == .open && awaiting == nil && !hasPendingOutput && requestStart == nil && decoder.isIdle ? idleSince : nil
    }

    /// When the connection expires as it stands: a head must arrive within the head timeout
    /// and a whole request within the request timeout of its first byte; a write must make
    /// progress within the request timeout; a deferred response must come within the request
    /// timeout; an idle connection lasts the idle timeout.
    var deadline: UInt64 {
        let timeouts = server.timeouts
        switch phase {
        case .lingering(let until):
            return until
        case .open, .closing:
            if hasPendingOutput { return writeProgress &+ timeouts.request }
            if let awaiting { return awaiting.since &+ timeouts.request }
            guard let requestStart else { return idleSince &+ timeouts.idle }
            let limit = decoder.isReadingHead ? min(timeouts.head, timeouts.request) : timeouts.request
            return requestStart &+ limit
        }
    }

    /// Reads, answers and writes until the socket would block or the connection ends.
    /// `buffer` is the calling worker's scratch space for reads.
    func advance(using buffer: UnsafeMutableRawBufferPointer) -> Outcome {
        var reads = 0
        while true {
            switch flush() {
            case .failed: return .close
            case .blocked: return .wait(.writable)
            case .done: break
            }
            switch phase {
            case .closing(let linger):
                Socket.shutdownWrites(fd)
                guard linger else { return .close }
                phase = .lingering(until: Socket.monotonicNanoseconds() &+ server.timeouts.linger)
                continue
            case .lingering:
                return discardInput(using: buffer)
            case .open:
                break
            }
            if awaiting != nil { return .park }
            if answerBufferedRequests() { continue }
            if decoder.isIdle { requestStart = nil }  // only blank lines arrived
            if decoder.isIdle && server.isStopping { return .close }
            if drained || reads == Self.readsPerTurn {
                drained = false
                return .wait(.readable)
            }
            switch Socket.readSome(fd, into: buffer) {
            case .bytes(let n):
                reads += 1
                drained = n < buffer.count
                if requestStart == nil { requestStart = Socket.monotonicNanoseconds() }
                decoder.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            case .wouldBlock:
                return .wait(.readable)
            case .endOfStream, .failed:
                return .close
            }
        }
    }

    /// Called when the deadline has passed: a request under way is answered 408 (then the
    /// connection closes as after any error); anything else, a deferred response that did not
    /// come included, just closes.
    func expire(using buffer: UnsafeMutableRawBufferPointer) -> Outcome {
        guard phase == .open, awaiting == nil, !hasPendingOutput, requestStart != nil, !decoder.isIdle else { return .close }
        HTTPResponseEncoder.encode(
            HTTPResponse(status: 408, headers: [("Content-Type", "text/plain; charset=utf-8")],
                         body: Array("the request was not completed in time\n".utf8)),
            keepAlive: false, date: date(), into: &output)
        phase = .closing(linger: true)
        return advance(using: buffer)
    }

    /// Answers every complete request in the buffer, in order, queuing the responses, until
    /// one is deferred; `true` if it queued output, changed phase or deferred a response (the
    /// caller writes before going on).
    func answerBufferedRequests() -> Bool {
        var progressed = false
        do {
            while let event = try decoder.next() {
                progressed = true
                switch event {
                case .continueExpected:
                    output.append(contentsOf: HTTPResponseEncoder.continueResponse)
                case .request(let request, let keepAlive):
                    requestNumber += 1
                    let inFlight = RequestInFlight(keepAlive: keepAlive, version: request.version,
                                                   includeBody: request.method != "HEAD", since: 0)
                    let response: HTTPResponse
                    switch server.answering {
                    case .now(let handler):
                        response = handler(request)
                    case .nowOrLater(let handler):
                        guard let now = handler(request, HTTPResponder(loop: loop, token: token, request: requestNumber)) else {
                            awaiting = inFlight
                            awaiting?.since = Socket.monotonicNanoseconds()
                            return true
                        }
                        response = now
                    }
                    if queue(response, for: inFlight) { return true }
                }
                if output.count - outputOffset >= Self.flushThreshold { return true }
            }
        } catch {
            HTTPResponseEncoder.encode(
                HTTPResponseEncoder.errorResponse(for: error), keepAlive: false, date: date(), into: &output)
            phase = .closing(linger: true)
            return true
        }
        return progressed
    }

    /// Writes a response just received on a thread outside the loop, and says what to wait
    /// for: the next request, when nothing else is pending; else writability, so that a
    /// worker wakes at once and carries on (it reads requests and runs the handler, which
    /// the delivering thread must not).
    func writeDelivered() -> Outcome {
        switch flush() {
        case .failed: return .close
        case .blocked: return .wait(.writable)
        case .done: break
        }
        guard phase == .open, awaiting == nil, decoder.isIdle, !server.isStopping else { return .wait(.writable) }
        // Waiting for readability stands for the next read: the worker it wakes reads at once.
        drained = false
        return .wait(.readable)
    }

    /// Takes the deferred response delivered for the awaited request and queues it.
    func receive(_ response: HTTPResponse) {
        guard let inFlight = awaiting else { return }
        awaiting = nil
        _ = queue(response, for: inFlight)
    }

    /// Encodes the response to `request` for writing; `true` when the connection closes
    /// after it.
    func queue(_ response: HTTPResponse, for request: RequestInFlight) -> Bool {
        let keep = request.keepAlive && !server.isStopping
        HTTPResponseEncoder.encode(
            response, keepAlive: keep, requestVersion: request.version, date: date(),
            includeBody: request.includeBody, into: &output)
        let now = Socket.monotonicNanoseconds()
        // The next request's clock starts when its bytes are known to be here.
        requestStart = decoder.isIdle ? nil : now
        idleSince = now
        if !keep { phase = .closing(linger: false) }
        return !keep
    }

    enum Flush { case done, blocked, failed }

    /// Writes queued output as far as the socket takes it.
    func flush() -> Flush {
        while hasPendingOutput {
            let result = output.withUnsafeBytes { Socket.writeSome(fd, UnsafeRawBufferPointer(rebasing: $0[outputOffset...])) }
            switch result {
            case .bytes(let n):
                outputOffset += n
                writeProgress = Socket.monotonicNanoseconds()
            case .wouldBlock:
                if writeProgress == 0 { writeProgress = Socket.monotonicNanoseconds() }
                return .blocked
            case .endOfStream, .failed:
                return .failed
            }
        }
        if !output.isEmpty {
            // Keep a modest buffer for the next responses; let a huge one go.
            output.removeAll(keepingCapacity: output.capacity <= 1 << 20)
            outputOffset = 0
            writeProgress = 0
        }
        return .done
    }

    /// After an error response and `shutdown`, reads and drops what the client still sends,
    /// so closing does not reset the connection before the client has read the response.
    func discardInput(using buffer: UnsafeMutableRawBufferPointer) -> Outcome {
        for _ in 0..<Self.readsPerTurn {
            switch Socket.readSome(fd, into: buffer) {
            case .bytes: continue
            case .wouldBlock: return .wait(.readable)
            case .endOfStream, .failed: return .close
            }
        }
        return .wait(.readable)
    }

    /// The `Date` header value, if the server was given a clock.
    func date() -> String? {
        guard let clock = server.clock else { return nil }
        let second = clock()
        if let cachedDate, cachedDate.second == second { return cachedDate.text }
        let text = HTTPDate.imfFixdate(secondsSince1970: second)
        cachedDate = (second, text)
        return text
    }
}
