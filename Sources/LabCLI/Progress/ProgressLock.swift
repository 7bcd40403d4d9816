#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// An exclusive `flock` on the store's `.lock` file, held for one read-modify-write.
///
/// `flock` belongs to the open file description, so two sessions (or two stores in one
/// process) exclude each other, and the kernel lets go when a holder dies, even by SIGKILL.
enum ProgressLock {
    /// Runs `body` while holding the lock on `path`, waiting at most `timeout` seconds for it.
    static func withLock<T>(_ path: String, timeout: Double, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ProgressStoreError.fileSystem(action: "open the lock file", path: path,
                                                reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let deadline = now() + timeout
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw ProgressStoreError.fileSystem(action: "lock", path: path, reason: String(cString: strerror(errno)))
            }
            guard now() < deadline else {
                throw ProgressStoreError.lockTimeout(path: path, seconds: Int(timeout.rounded(.up)))
            }
            usleep(5_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
