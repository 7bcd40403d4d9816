import AWSWire
import LabServer

/// `kdslab serve [--port N] [--host ADDR] [--lab ID] [--state FILE] [--transitions instant|aws]
/// [--quiet]`: answers AWS's own protocols (Kinesis JSON 1.1, STS and IAM query) on a local
/// endpoint, so the real aws CLI and SDKs work against the simulated world with `--endpoint-url`.
/// Streams and consumers pass through CREATING, UPDATING and DELETING as on AWS unless
/// `--transitions instant` (see ``ServeTransitions``).
///
/// Runs until SIGINT or SIGTERM, then finishes requests under way and stops. With `--state`,
/// every change is appended to the file and synced before its request is answered (see
/// ``JournalCommitter``), so a stop of any kind, `kill -9` included, loses no acknowledged
/// change.
/// Exit statuses: 0 after a clean stop; 1 when the state file could not be written while
/// serving; 2 on bad usage, an unusable lab, draft or state file (unreadable or not
/// writable), or an address it cannot listen on.
struct ServeCommand {
    /// Where output goes and the environment comes from.
    let io: CommandIO

    /// The command's name in messages.
    static let name = "serve"
    /// The default port.
    static let defaultPort = 4567
    /// How often the main thread looks for a signal or a failed state file.
    static let pollMilliseconds = 500

    /// What the options ask for.
    struct Options {
        var configuration = ServerConfiguration()
        var labId: String?
        /// The course options (`--labs`, `--course`).
        var course = CourseLocator()
        var statePath: String?
        var quiet = false
        /// How long lifecycle transitions take.
        var transitions = ServeTransitions.standard
    }

    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let options = try Self.options(arguments, environment: { io.environment($0) })
        let compaction = try JournalCompaction.from(environment: { io.environment($0) })
        let served = try ServeCommand.world(for: options, io: io)
        let journal = try options.statePath.map { path throws(CommandFailure) in try StateJournal.open(path) }
        defer { journal?.close() }
        let loaded = try journal?.load(into: served.service)
        if let notice = loaded?.notice { io.errorLine(notice) }

        // Masked before the server's threads start, so they inherit the mask and only
        // `ShutdownSignals.wait` ever sees SIGINT and SIGTERM.
        let previousMask = ShutdownSignals.block()
        defer { ShutdownSignals.restore(previousMask) }
        let committer = journal.map { JournalCommitter(service: served.service, journal: $0, compaction: compaction) }
        if let committer {
            served.service.startJournal()
            committer.start()
        }
        // After the replay, which ran under the times the file recorded; a change is journaled
        // and on disk before anything is served.
        if let position = served.service.setTransitions(options.transitions.times, now: ServeEndpoint.now()),
           let committer, let failure = committer.waitUntilKept(position) {
            _ = committer.stop()
            throw .usage("\(failure); pass a --state file that can be written")
        }
        let log = SerializedLog(io: io)
        var logLine: (@Sendable (String) -> Void)?
        if !options.quiet { logLine = { @Sendable line in log.write(line) } }
        let endpoint = ServeEndpoint(served: served, configuration: options.configuration, log: logLine, committer: committer)
        let port: Int
        do {
            port = try endpoint.start()
        } catch {
            _ = committer?.stop()
            throw .usage("cannot serve: \(error)")
        }
        if !options.configuration.isLoopback {
            io.errorLine("kdslab: warning: serving on \(options.configuration.host), not loopback: anyone who can reach this machine can sign in with the keys below")
        }
        io.writeOutput(ServeBanner(served: served, host: options.configuration.host, port: port,
                                   statePath: options.statePath, replayed: loaded?.replayed ?? 0,
                                   restoredRecords: loaded?.records ?? 0, quiet: options.quiet,
                                   transitions: options.transitions).text)

        var signal: String?
        var failure: StateFileError?
        while signal == nil && failure == nil {
            signal = ShutdownSignals.wait(timeoutMilliseconds: Self.pollMilliseconds)
            failure = committer?.failure
            for notice in committer?.compactor?.takeNotices() ?? [] { log.write(notice) }
        }
        if let failure {
            log.write("kdslab: \(failure); stopping (requests that changed the world since were answered InternalFailure)")
        } else {
            log.write("kdslab: \(signal ?? "signal") received: finishing requests under way and stopping")
        }
        endpoint.stop()
        guard let committer, let journal else { return 0 }
        let lastFailure = committer.stop()
        for notice in committer.compactor?.takeNotices() ?? [] { log.write(notice) }
        if failure == nil, let lastFailure { log.write("kdslab: \(lastFailure)") }
        if failure != nil || lastFailure != nil {
            log.write("kdslab: \(journal.path) holds the \(journal.entryCount) requests written before the failure; no later change was acknowledged")
            return 1
        }
        log.write("kdslab: state saved to \(journal.path) (\(journal.entryCount) requests)")
        return 0
    }

    /// Reads the options (`environment` may set the transitions' duration).
    static func options(_ arguments: [String], environment: (String) -> String? = { _ in nil }) throws(CommandFailure) -> Options {
        let parsed = try ArgumentScanner(command: name, options: [
            .value("--port"), .value("--host"), .value("--lab"), .value("--labs"), .value("--course"), .value("--state"), .flag("--quiet"),
            .value("--transitions"), .value("--transition-ms"),
        ]).scan(arguments)
        if let extra = parsed.positionals.first {
            throw .usage("unexpected argument '\(extra)' for '\(name)'", command: name)
        }
        var options = Options()
        options.configuration.port = defaultPort
        if let text = parsed.value("--port") {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw .usage("--port `\(text)` is not a port number (0 to 65535)", command: name)
            }
            options.configuration.port = port
        }
        if let host = parsed.value("--host") {
            guard !host.isEmpty else { throw .usage("--host needs an address, e.g. 127.0.0.1", command: name) }
            options.configuration.host = host
        }
        options.labId = parsed.value("--lab")
        options.course = CourseLocator(parsed)
        options.statePath = parsed.value("--state")
        if options.statePath?.isEmpty == true { throw .usage("--state needs a file name", command: name) }
        options.quiet = parsed.has("--quiet")
        options.transitions = try ServeTransitions.from(mode: parsed.value("--transitions"), milliseconds: parsed.value("--transition-ms"),
                                                        environment: environment)
        return options
    }
}
