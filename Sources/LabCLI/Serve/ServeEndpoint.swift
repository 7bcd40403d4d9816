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
        server = HTTPServer(configuration: configuration, clock: { Int(time(nil)) }) { request in
            let started = Self.monotonicNanoseconds()
            let response = Self.respond(to: request, service: service, committer: committer)
            if let log {
                let ms = Double(Self.monotonicNanoseconds() - started) / 1e6
                log(RequestLogLine.line(request, response, milliseconds: ms))
            }
            return response
        }
    }

    /// The service's answer to `request`, held back until its change (if any) is on disk.
    static func respond(to request: HTTPRequest, service: AWSService, committer: JournalCommitter?) -> HTTPResponse {
        let answer = service.answer(request, now: now())
        guard let position = answer.journalPosition, let committer, let failure = committer.waitUntilKept(position) else {
            return answer.response
        }
        return answer.failure("kdslab serve could not keep this change: \(failure)")
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
