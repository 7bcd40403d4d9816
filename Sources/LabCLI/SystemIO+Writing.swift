#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Authoring's needs from the real file system: atomic file writes and new directories.
extension SystemIO {
    /// Writes to `PATH.tmp-PID`, flushes it, then renames it over `path`, so a reader never
    /// sees half a file.
    public func writeFile(_ path: String, contents: String) throws(WriteFailure) {
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WriteFailure(Self.errorText()) }
        let bytes = Array(contents.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + done }, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason = Self.errorText()
                close(fd)
                unlink(temporary)
                throw WriteFailure(reason)
            }
            done += n
        }
        guard fsync(fd) == 0, close(fd) == 0, rename(temporary, path) == 0 else {
            let reason = Self.errorText()
            unlink(temporary)
            throw WriteFailure(reason)
        }
    }

    /// `mkdir` with mode 0755; an existing directory is not an error.
    public func createDirectory(_ path: String) throws(WriteFailure) {
        if mkdir(path, 0o755) == 0 { return }
        let reason = Self.errorText()
        if errno == EEXIST, isDirectory(path) { return }
        throw WriteFailure(reason)
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
