import AWSWire
import LabServer

/// `kdslab serve [--port N] [--host ADDR] [--lab ID] [--state FILE] [--quiet]`: answers AWS's
/// own protocols (Kinesis JSON 1.1, STS and IAM query) on a local endpoint, so the real aws
/// CLI and SDKs work against the simulated world with `--endpoint-url`.
///
/// Runs until SIGINT or SIGTERM, then finishes requests under way and saves the state.
/// Exit statuses: 0 after a clean stop; 1 when the state could not be saved at the stop;
/// 2 on bad usage, an unusable lab, draft or state file, or an address it cannot listen on.
struct ServeCommand {
    /// Where output goes and the environment comes from.
    let io: CommandIO

    /// The command's name in messages.
    static let name = "serve"
    /// The default port.
    static let defaultPort = 4567
    /// How often, at most, the state file is rewritten while requests change the world.
    static let saveIntervalMilliseconds = 1000

    /// What the options ask for.
    struct Options {
        var configuration = ServerConfiguration()
        var labId: String?
        var labsFolder: String?
        var statePath: String?
        var quiet = false
    }

    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let options = try Self.options(arguments)
        let served = try ServeCommand.world(for: options, io: io)
        var state = options.statePath.map(StateFile.init(path:))
        let replayed = try state?.load(into: served.service) ?? 0

        // Masked before the server's threads start, so they inherit the mask and only
        // `ShutdownSignals.wait` ever sees SIGINT and SIGTERM.
        let previousMask = ShutdownSignals.block()
        defer { ShutdownSignals.restore(previousMask) }
        let log = SerializedLog(io: io)
        var logLine: (@Sendable (String) -> Void)?
        if !options.quiet { logLine = { @Sendable line in log.write(line) } }
        let endpoint = ServeEndpoint(served: served, configuration: options.configuration, log: logLine)
        let port: Int
        do {
            port = try endpoint.start()
        } catch {
            throw .usage("cannot serve: \(error)")
        }
        if !options.configuration.isLoopback {
            io.errorLine("kdslab: warning: serving on \(options.configuration.host), not loopback: anyone who can reach this machine can sign in with the keys below")
        }
        io.writeOutput(ServeBanner(served: served, host: options.configuration.host, port: port,
                                   statePath: options.statePath, replayed: replayed, quiet: options.quiet).text)

        var signal: String?
        while signal == nil {
            signal = ShutdownSignals.wait(timeoutMilliseconds: Self.saveIntervalMilliseconds)
            if signal == nil, state != nil { save(&state, served.service, log: log) }
        }
        log.write("kdslab: \(signal ?? "signal") received: finishing requests under way and stopping")
        endpoint.stop()
        guard var file = state, let path = options.statePath else { return 0 }
        do {
            _ = try file.saveIfChanged(served.service)
        } catch {
            log.write("kdslab: cannot save the state to \(path): \(error)")
            return 1
        }
        log.write("kdslab: state saved to \(path) (\(file.savedCount) requests)")
        return 0
    }

    /// Saves the state file if the world changed; a failure is logged and retried later.
    private func save(_ state: inout StateFile?, _ service: AWSService, log: SerializedLog) {
        guard var file = state else { return }
        defer { state = file }
        do {
            _ = try file.saveIfChanged(service)
        } catch {
            log.write("kdslab: cannot save the state: \(error)")
        }
    }

    /// Reads the options.
    static func options(_ arguments: [String]) throws(CommandFailure) -> Options {
        let parsed = try ArgumentScanner(command: name, options: [
            .value("--port"), .value("--host"), .value("--lab"), .value("--labs"), .value("--state"), .flag("--quiet"),
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
        options.labsFolder = parsed.value("--labs")
        options.statePath = parsed.value("--state")
        if options.statePath?.isEmpty == true { throw .usage("--state needs a file name", command: name) }
        options.quiet = parsed.has("--quiet")
        return options
    }
}
