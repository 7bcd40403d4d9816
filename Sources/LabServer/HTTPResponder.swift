import AWSWire

/// The way to answer one request later: a deferring handler (see
/// ``HTTPServer/init(configuration:clock:deferringHandler:)``) that returns `nil` keeps its
/// responder and calls ``send(_:)`` once the answer is ready, from any thread.
///
/// Meanwhile no thread waits for it: the connection is set aside (it reads no further
/// request, so pipelined answers stay in order). ``send(_:)`` writes the response on the
/// calling thread, without blocking, and hands the connection back to the event loop's
/// workers for what follows. A connection whose answer has not come within the
/// request timeout is closed, as one that stalls mid-request is; the client then cannot
/// tell whether its request took effect.
public struct HTTPResponder: Sendable {
    let loop: EventLoop
    let token: UInt64
    /// The request's number on its connection (1 for the first), so that a second `send`,
    /// or one for an earlier request, never answers a later request.
    let request: UInt64

    /// Answers the request: writes the response without blocking (a worker finishes what the
    /// socket does not take at once). Only the first call for a request counts; a call after
    /// the connection has closed (the client went away, the request timed out) does nothing.
    public func send(_ response: HTTPResponse) {
        loop.deliver(response, to: token, request: request)
    }
}
