import Foundation

/// `kdslab serve` running as its own process: started, read until its banner names the
/// endpoint, stopped with SIGTERM (and killed at the latest when dropped).
final class ServerProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    /// The banner as printed.
    private(set) var banner = ""
    /// `http://127.0.0.1:PORT`.
    private(set) var url = ""

    init(_ binary: String, _ arguments: [String], home: String, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["HOME": home, "PATH": "/usr/bin:/bin"].merging(environment) { _, added in added }
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The banner is one write; read until it has arrived (or the process gave up).
        let deadline = Date().addingTimeInterval(30)
        let handle = output.fileHandleForReading
        while Date() < deadline, !banner.contains("Ctrl-C") {
            let data = handle.availableData
            if data.isEmpty { break }
            banner += String(decoding: data, as: UTF8.self)
        }
        guard let line = banner.split(separator: "\n").first(where: { $0.hasPrefix("Endpoint: ") }),
              let address = line.split(separator: " ").dropFirst().first else {
            process.terminate()
            process.waitUntilExit()
            let error = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(description: "kdslab serve did not start: \(banner)\(error)")
        }
        url = String(address)
    }

    /// Kills the server with SIGKILL (no chance to clean up) and waits until it is gone.
    func kill9() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Sends SIGTERM and waits for the exit: the status and what went to standard error.
    func terminate() -> (status: Int32, error: String) {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let error = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, error)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
