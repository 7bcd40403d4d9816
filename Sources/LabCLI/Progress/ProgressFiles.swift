#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The system calls under the progress store: whole-file reads, atomic replacement with
/// fsync, appends, directories. Errors carry the path and the system's reason.
enum ProgressFiles {
    typealias Failure = ProgressStoreError

    /// The bytes of `path`, or `nil` when it does not exist (also when a folder on the way
    /// is a file: then nothing can be at `path`).
    static func read(_ path: String) throws(Failure) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure("read", path)
        }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Platform.readDescriptor(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("read", path)
            }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// Replaces `path` with `bytes` so that a reader, or a crash at any moment, sees either
    /// the old content or the new: write a temporary file beside it (see
    /// ``temporaryName(beside:)``), fsync it, rename it over `path`, fsync the directory.
    /// The file is created with mode 0600.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
        let temporary = temporaryName(beside: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("write", temporary) }
        do throws(Failure) {
            try writeAll(bytes, to: fd, path: temporary)
            guard fsync(fd) == 0 else { throw failure("fsync", temporary) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = failure("rename \(temporary) over", path)
            unlink(temporary)
            throw error
        }
        try syncDirectory(of: path)
    }

    /// Appends `bytes` to `path` (created 0600) in one `write` and fsyncs it; if the write
    /// fails part-way, cuts the file back to its old length.
    static func append(_ bytes: [UInt8], to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("append to", path) }
        defer { close(fd) }
        let oldLength = lseek(fd, 0, SEEK_END)
        do throws(Failure) {
            try writeAll(bytes, to: fd, path: path)
        } catch {
            if oldLength >= 0 { _ = ftruncate(fd, oldLength) }
            throw error
        }
        guard fsync(fd) == 0 else { throw failure("fsync", path) }
        if oldLength == 0 { try syncDirectory(of: path) }
    }

    /// Cuts `path` to `length` bytes and fsyncs it.
    static func truncate(_ path: String, to length: Int) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", path) }
        defer { close(fd) }
        guard ftruncate(fd, off_t(length)) == 0, fsync(fd) == 0 else { throw failure("truncate", path) }
    }

    /// Renames `from` to `to` and fsyncs the directory.
    static func move(_ from: String, to: String) throws(Failure) {
        guard rename(from, to) == 0 else { throw failure("rename \(from) to", to) }
        try syncDirectory(of: to)
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// `path` if nothing is there, else `path-2`, `path-3`, ...
    static func unusedName(_ path: String) -> String {
        var candidate = path
        var n = 2
        while exists(candidate) {
            candidate = "\(path)-\(n)"
            n += 1
        }
        return candidate
    }

    /// Creates `path` and any missing parents with mode 0700.
    static func makeDirectory(_ path: String) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw failure("create the directory", prefix)
            }
        }
    }

    /// Removes the stale temporary files kdslab left in `directory` (see
    /// ``isStaleTemporary(_:in:)``); nothing else is touched, whatever its name. Call only
    /// while holding the lock, when no other session can be writing one.
    static func removeStaleTemporaries(in directory: String) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        var stale: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if isStaleTemporary(name, in: directory) { stale.append(name) }
        }
        for name in stale { unlink(directory + "/" + name) }
    }

    /// The names in `directory` (none when it cannot be read), sorted.
    static func names(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(Failure) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + done }, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            done += n
        }
    }

    private static func syncDirectory(of path: String) throws(Failure) {
        let target = directory(of: path)
        let fd = open(target, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open the directory", target) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("fsync the directory", target) }
    }

    private static func failure(_ action: String, _ path: String) -> Failure {
        .fileSystem(action: action, path: path, reason: String(cString: strerror(errno)))
    }
}
