#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// Runs `body` on its own thread and waits at most `seconds` for it. If it is still running
/// then (blocked on a FIFO, which is the bug these tests look for), each FIFO in `fifos` is
/// opened for writing and closed, which ends an `open` or `read` waiting on it, and an issue
/// is recorded. A test that reads FIFOs therefore fails instead of hanging.
func withoutHanging<T: Sendable>(unblocking fifos: [String], seconds: Double = 20,
                                 sourceLocation: SourceLocation = #_sourceLocation,
                                 _ body: @escaping @Sendable () -> T) -> T? {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    let thread = Thread {
        box.value = body()
        done.signal()
    }
    thread.start()
    if done.wait(timeout: .now() + seconds) == .success { return box.value }
    Issue.record("still running after \(seconds) s: something waited on a FIFO", sourceLocation: sourceLocation)
    for _ in 0..<20 {
        for fifo in fifos {
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        if done.wait(timeout: .now() + 0.5) == .success { return box.value }
    }
    return nil
}

/// Where the thread leaves its result.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// Makes a FIFO at `path` (no process ever writes to it).
func makeFIFO(_ path: String) throws {
    guard mkfifo(path, 0o600) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
    }
}

/// Makes a sparse file of `size` bytes at `path` (no disk is used for the zeros).
func makeSparseFile(_ path: String, size: Int) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    defer { close(fd) }
    guard ftruncate(fd, off_t(size)) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
}
