#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The system calls under the `--state` file: open it for appending (creating it durably),
/// lock it, read it, append to it, sync it, cut it back; and for compaction, write a new
/// file beside it and rename it over the old one.
enum StateFileIO {
    typealias Failure = StateFileError

    /// Opens `path` for reading and appending, creating it (mode 0600, and the directory
    /// synced so the new name survives a crash) when missing, and locks it against a second
    /// server. Returns the descriptor.
    ///
    /// A server compacting the file renames a new one over it; a second server that opened
    /// the old one just before, and locks it once the first lets go of it, would hold a file
    /// no longer under the name. So once locked, the file must still be the one the name
    /// points to, else it is opened again.
    static func openForAppend(_ path: String) throws(Failure) -> Int32 {
        for _ in 0..<8 {
            let fd = try openAndLock(path)
            if isStill(fd, at: path) { return fd }
            close(fd)
        }
        throw Failure(action: "use", path: path, reason: "it keeps being replaced (another kdslab serve is compacting it)")
    }

    private static func openAndLock(_ path: String) throws(Failure) -> Int32 {
        var fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        let created = fd >= 0
        if !created && errno == EEXIST {
            fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        }
        guard fd >= 0 else { throw failure("open", path) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let error = failure("open", path)
            close(fd)
            throw error
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw Failure(action: "open", path: path, reason: "not a regular file")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let error = busy ? Failure(action: "use", path: path, reason: "another kdslab serve is using it") : failure("lock", path)
            close(fd)
            throw error
        }
        if created {
            do throws(Failure) {
                try syncDirectory(of: path)
            } catch {
                close(fd)
                throw error
            }
        }
        return fd
    }

    /// Whether `fd` is the file `path` names now.
    private static func isStill(_ fd: Int32, at path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(fd, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Creates (or empties) `path` for a compacted journal, mode 0600, open for reading and
    /// appending and locked like the journal it will replace.
    static func createReplacement(_ path: String) throws(Failure) -> Int32 {
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("create", path) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let error = failure("lock", path)
            close(fd)
            throw error
        }
        return fd
    }

    /// Renames `from` over `to` (atomically: `to` names the old file or the new one, never
    /// neither).
    static func move(_ from: String, over to: String) throws(Failure) {
        guard rename(from, to) == 0 else { throw failure("rename '\(from)' over", to) }
    }

    /// Removes `path` if it is there (a compaction's leftover); other failures are ignored,
    /// as the next compaction empties the file anyway.
    static func removeLeftover(_ path: String) {
        _ = unlink(path)
    }

    /// The file's length in bytes.
    static func length(_ fd: Int32, path: String) throws(Failure) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("read", path) }
        return Int(info.st_size)
    }

    /// The whole file from its start.
    static func readAll(_ fd: Int32, path: String) throws(Failure) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("read", path) }
        let size = Int(info.st_size)
        var readFailure: Failure?
        // Read straight into the array's storage (no zeroing first: the file may be large).
        let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = pread(fd, buffer.baseAddress! + done, size - done, off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    readFailure = failure("read", path)
                    break
                }
                if n == 0 { break }
                done += n
            }
            count = done
        }
        if let readFailure { throw readFailure }
        return out
    }

    /// Writes all of `bytes` at the end of the file (the descriptor is in append mode).
    static func append(_ bytes: [UInt8], to fd: Int32, path: String) throws(Failure) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("write to", path)
            }
            done += n
        }
    }

    /// Waits until what was written is on the disk (the data and the file's length).
    static func sync(_ fd: Int32, path: String) throws(Failure) {
        #if canImport(Glibc)
        let status = fdatasync(fd)
        #else
        let status = fsync(fd)
        #endif
        guard status == 0 else { throw failure("sync", path) }
    }

    /// Cuts the file to `length` bytes and syncs it.
    static func truncate(_ fd: Int32, to length: Int, path: String) throws(Failure) {
        guard ftruncate(fd, off_t(length)) == 0 else { throw failure("truncate", path) }
        try sync(fd, path: path)
    }

    /// Syncs the directory holding `path`, so a name created or renamed in it survives a crash.
    static func syncDirectory(of path: String) throws(Failure) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let target = directory.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : directory
        let fd = open(target, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open the directory of", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("sync the directory of", path) }
    }

    /// Closes a descriptor (releasing its lock).
    static func closeFile(_ fd: Int32) {
        _ = close(fd)
    }

    private static func failure(_ action: String, _ path: String) -> Failure {
        Failure(action: action, path: path, reason: String(cString: strerror(errno)))
    }
}
