import Foundation

/// Runs a program the way `kdslab doctor` asks after one (`aws --version`), with its output
/// captured and a deadline, and answers with its first line of output.
struct ProgramProbe {
    /// What a run said.
    enum Answer: Equatable {
        /// It exited 0; its first non-empty line of output (standard output, else error).
        case answered(String)
        /// It ran and failed: its status and first line of output.
        case failed(status: Int32, output: String)
        /// It could not be started, or did not finish in time.
        case notRun
    }

    /// How long a program may take.
    var timeout: Double = 10

    /// Runs `/bin/sh -c command`, with `environment` as the whole environment.
    func run(_ command: String, environment: [String: String]) -> Answer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .notRun
        }
        let done = DispatchSemaphore(value: 0)
        let collected = Collected()
        Thread.detachNewThread {
            collected.set(output.fileHandleForReading.readDataToEndOfFile())
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else {
            process.terminate()
            return .notRun
        }
        process.waitUntilExit()
        let text = String(decoding: collected.get(), as: UTF8.self)
        let first = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        return process.terminationStatus == 0 ? .answered(first) : .failed(status: process.terminationStatus, output: first)
    }
}

/// Output read on another thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) {
        lock.lock()
        defer { lock.unlock() }
        data = value
    }

    func get() -> Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
