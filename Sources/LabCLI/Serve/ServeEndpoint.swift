import IAMPolicy

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import AWSWire
import KinesisSim
import LabServer

/// A served world on a socket: the ``AWSService`` behind an ``HTTPServer``, on the real
/// clock, logging one line per request when given a log.
///
/// With a ``JournalCommitter`` (`--state`), a request that changed the world is answered
/// only once its journal entry is on disk, and with `InternalFailure` when it cannot be.
/// Its worker does not wait for that: the response is handed to the server when the commit
/// releases it (``HTTPResponder``), so requests that arrive while a sync is under way all
/// share the next one, whatever the number of workers.
///
/// `kdslab serve` runs one until a signal; tests start one on port 0 and stop it.
final class ServeEndpoint: Sendable {
    /// What is served.
    let served: ServedWorld
    let server: HTTPServer

    /// An endpoint not yet listening; `log` receives one line per request, from many threads.
    init(served: ServedWorld, configuration: ServerConfiguration, log: (@Sendable (String) -> Void)?,
         committer: JournalCommitter? = nil) {
        self.served = served
        let service = served.service
        let handler: HTTPServer.DeferringHandler = { request, responder in
            let logged = log.map { Self.logLine(for: request, started: Self.monotonicNanoseconds(), to: $0) }
            return Self.respond(to: request, service: service, committer: committer, responder: responder, log: logged)
        }
        server = HTTPServer(configuration: configuration, clock: { Int(time(nil)) }, deferringHandler: handler)
    }

    /// Logs `request`'s line, with the time since `started`, once its response is known.
    static func logLine(for request: HTTPRequest, started: UInt64,
                        to log: @escaping @Sendable (String) -> Void) -> @Sendable (HTTPResponse) -> Void {
        { response in
            let ms = Double(monotonicNanoseconds() - started) / 1e6
            log(RequestLogLine.line(request, response, milliseconds: ms))
        }
    }

    /// The service's answer to `request`: at once when it changed nothing (or nothing is
    /// kept), else `nil`, and `responder` gets it once its change is on disk, or
    /// `InternalFailure` when it cannot be. `log` sees the response sent.
    static func respond(to request: HTTPRequest, service: AWSService, committer: JournalCommitter?,
                        responder: HTTPResponder, log: (@Sendable (HTTPResponse) -> Void)? = nil) -> HTTPResponse? {
        let answer = service.answer(request, now: now())
        guard let position = answer.journalPosition, let committer else {
            log?(answer.response)
            return answer.response
        }
        committer.whenKept(position) { failure in
            let response = failure.map { answer.failure("kdslab serve could not keep this change: \($0)") } ?? answer.response
            responder.send(response)
            log?(response)
        }
        return nil
    }

    /// Binds and starts serving; returns the port.
    func start() throws(HTTPServerError) -> Int {
        try server.start()
    }

    /// Finishes requests under way and stops.
    func stop() {
        server.stop()
    }

    /// The wall clock, in milliseconds.
    static func now() -> Timestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Timestamp(milliseconds: Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec / 1_000_000))
    }

    static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
