#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The real standard streams, file system and environment.
public final class SystemIO: CommandIO {
    /// Creates the system I/O.
    public init() {}

    /// Writes to standard output.
    public func writeOutput(_ text: String) {
        send(text, to: STDOUT_FILENO)
    }

    /// Writes to standard error.
    public func writeError(_ text: String) {
        send(text, to: STDERR_FILENO)
    }

    /// Reads a regular file with `open`/`read`, refusing more than `limit` bytes (so a huge
    /// file cannot exhaust memory).
    ///
    /// Anything else is refused before it is read: a folder (`Is a directory`), and a FIFO,
    /// device or socket (`not a regular file (a FIFO)`), where a read may wait forever for a
    /// writer or never end. The type is checked before opening, and again on the open file
    /// (which is opened with `O_NONBLOCK`, so opening a FIFO cannot wait either, then switched
    /// back to blocking reads), so a file swapped in between is caught too.
    public func readFile(_ path: String, limit: Int) throws(ReadFailure) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Self.failure() }
        try Self.requireRegular(info, limit: limit)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Self.failure() }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw Self.failure() }
        try Self.requireRegular(info, limit: limit)
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 else { throw Self.failure() }
        return try readAll(fd, limit: limit)
    }

    /// Throws unless `info` is a regular file of at most `limit` bytes.
    private static func requireRegular(_ info: stat, limit: Int) throws(ReadFailure) {
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard Int(info.st_size) <= limit else { throw .tooLarge(limit: limit) }
        case S_IFDIR: throw ReadFailure(String(cString: strerror(EISDIR)))
        case S_IFIFO: throw .notRegularFile("a FIFO")
        case S_IFCHR: throw .notRegularFile("a character device")
        case S_IFBLK: throw .notRegularFile("a block device")
        case S_IFSOCK: throw .notRegularFile("a socket")
        default: throw .notRegularFile("an unknown kind of file")
        }
    }

    /// The failure `errno` describes; `ENOENT` is ``ReadFailure/missing``.
    private static func failure() -> ReadFailure {
        errno == ENOENT ? .missing : ReadFailure(lastError())
    }

    /// Reads standard input to its end.
    public func readStandardInput(limit: Int) throws(ReadFailure) -> [UInt8] {
        try readAll(STDIN_FILENO, limit: limit)
    }

    /// Looks up an environment variable.
    public func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// Whether standard output is a terminal (`isatty`).
    public var outputIsTerminal: Bool {
        isatty(STDOUT_FILENO) == 1
    }

    /// Lists a directory with `opendir`/`readdir`; entries sorted by name.
    public func listDirectory(_ path: String) -> [DirectoryEntry]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [DirectoryEntry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var info = stat()
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            let isDirectory = stat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            out.append(DirectoryEntry(name: name, isDirectory: isDirectory))
        }
        return out.sorted { $0.name < $1.name }
    }

    private func readAll(_ fd: Int32, limit: Int) throws(ReadFailure) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(Self.lastError())
            }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
            if out.count > limit { throw ReadFailure.tooLarge(limit: limit) }
        }
    }

    private func send(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + done }, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            done += n
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
