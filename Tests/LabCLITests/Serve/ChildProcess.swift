import Foundation

/// A program run to completion (or cut off at a deadline), with its output captured.
struct ChildProcess {
    /// What a run produced.
    struct Result {
        var status: Int32
        var output: String
        var error: String
        var timedOut: Bool
    }

    /// The full path of `name` on `PATH`, if any.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments` and `environment` (in `directory`, with `input` piped
    /// to its standard input, else none); kills it after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    input: String? = nil, directory: String? = nil, timeout: Double = 120) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do {
            try process.run()
        } catch {
            return Result(status: -1, output: "", error: "cannot run \(executable): \(error)", timedOut: false)
        }
        if let input {
            Thread.detachNewThread {
                stdin.fileHandleForWriting.write(Data(input.utf8))
                try? stdin.fileHandleForWriting.close()
            }
        }
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isError) in [(out, false), (err, true)] {
            group.enter()
            Thread.detachNewThread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(String(decoding: data, as: UTF8.self), error: isError)
                group.leave()
            }
        }
        let finished = group.wait(timeout: .now() + timeout) == .success
        if !finished {
            process.terminate()
            _ = group.wait(timeout: .now() + 5)
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: collected.output, error: collected.error, timedOut: !finished)
    }

    /// The environment for an AWS client: no trace of the machine's AWS settings, a home of
    /// its own, the given keys, `us-east-1`, no instance metadata lookups, no pager.
    static func awsEnvironment(home: String, key: String = "admin", secret: String = "admin") -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") && !$0.key.hasPrefix("BOTO") }
        env["HOME"] = home
        env["AWS_CONFIG_FILE"] = home + "/aws-config"
        env["AWS_SHARED_CREDENTIALS_FILE"] = home + "/aws-credentials"
        env["AWS_ACCESS_KEY_ID"] = key
        env["AWS_SECRET_ACCESS_KEY"] = secret
        env["AWS_DEFAULT_REGION"] = "us-east-1"
        env["AWS_EC2_METADATA_DISABLED"] = "true"
        env["AWS_PAGER"] = ""
        env["NO_COLOR"] = "1"
        return env
    }

    /// A fresh temporary folder.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "kdslab-serve-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Output gathered from reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    func set(_ text: String, error: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if error { err = text } else { out = text }
    }

    var output: String { lock.lock(); defer { lock.unlock() }; return out }
    var error: String { lock.lock(); defer { lock.unlock() }; return err }
}
