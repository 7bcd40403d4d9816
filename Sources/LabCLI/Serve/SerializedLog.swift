import Foundation

/// Lines to standard error from many threads at once, one whole line at a time.
final class SerializedLog: @unchecked Sendable {
    // INVARIANT: `io` is used only with `lock` held.
    private let io: CommandIO
    private let lock = NSLock()

    init(io: CommandIO) {
        self.io = io
    }

    /// Writes `line` and a newline to standard error.
    func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        io.writeError(line + "\n")
    }
}
