/// What a registered socket waits for.
enum ReadinessInterest: Sendable {
    /// Bytes to read, a new connection to accept, or end of stream.
    case readable
    /// Room in the send buffer.
    case writable
}

/// The server's view of the kernel's readiness notification: sockets registered under a
/// token, each reported ready to exactly one of several waiting workers, once per arming.
///
/// One-shot: a reported socket is disarmed until `rearm`, so the worker that got it has the
/// connection to itself (reads, the handler, writes) and no other worker is woken for it.
/// `EpollReadiness` is the Linux implementation (`epoll` with `EPOLLONESHOT`); `PollReadiness`
/// is the portable one (one thread in `poll` feeding a queue).
protocol Readiness: AnyObject, Sendable {
    /// Adds `fd`, armed for `interest`; `false` if the kernel refused it.
    func register(_ fd: Int32, token: UInt64, interest: ReadinessInterest) -> Bool
    /// Arms `fd` again after its readiness was reported.
    func rearm(_ fd: Int32, token: UInt64, interest: ReadinessInterest)
    /// Removes `fd`; call before closing it. A report already taken for it may still be
    /// returned, with its old token.
    func deregister(_ fd: Int32)
    /// The token of one ready socket, now disarmed; `nil` when `timeoutMilliseconds` pass
    /// first or after `wakeAll()`.
    func nextReady(timeoutMilliseconds: Int32) -> UInt64?
    /// Makes every waiting and later `nextReady` return promptly, for shutdown.
    func wakeAll()
    /// Releases the kernel objects. No call may follow, and no worker may still be waiting.
    func dispose()
}

/// Which readiness implementation a server uses.
enum ReadinessKind: Sendable {
    /// `epoll` on Linux when the C library has it, `poll` otherwise.
    case automatic
    /// `poll`, everywhere (tests use it to cover the portable path on Linux).
    case poll

    /// A new readiness source of this kind.
    func make() throws(HTTPServerError) -> any Readiness {
        #if os(Linux)
        if self == .automatic, let epoll = try EpollReadiness.make() { return epoll }
        #endif
        return try PollReadiness()
    }
}
