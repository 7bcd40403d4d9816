import AWSWire
import LabServer

/// Not API: `kdslab serve --state` without the terminal or the signals, so that kdslab-bench
/// can measure it: the state file opened and replayed, and requests answered as the server
/// answers them (held back until their change is on disk).
public final class _StateBenchmark: Sendable {
    /// Why the state file could not be used: the line `kdslab serve` would print.
    public struct Failure: Error {
        public var message: String
    }

    let service: AWSService
    let journal: StateJournal
    let committer: JournalCommitter
    /// How many entries were replayed.
    public let replayed: Int

    /// Opens (creating) the state file at `path`, replays it into `service` and starts its
    /// journal.
    public init(path: String, service: AWSService) throws(Failure) {
        let journal: StateJournal
        do {
            journal = try StateJournal.open(path)
        } catch {
            throw Failure(message: error.lines.joined(separator: "\n"))
        }
        do {
            replayed = try journal.load(into: service).replayed
        } catch {
            journal.close()
            throw Failure(message: error.lines.joined(separator: "\n"))
        }
        self.journal = journal
        self.service = service
        service.startJournal()
        committer = JournalCommitter(service: service, journal: journal)
        committer.start()
    }

    /// Answers `request` as `kdslab serve --state` does: now, or later through `responder`
    /// once its change is on disk (`nil`).
    public func respond(to request: HTTPRequest, responder: HTTPResponder) -> HTTPResponse? {
        ServeEndpoint.respond(to: request, service: service, committer: committer, responder: responder)
    }

    /// Writes what is queued, stops the journal and closes the file.
    public func stop() {
        _ = committer.stop()
        journal.close()
    }
}
