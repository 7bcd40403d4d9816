#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls of LabCLI that differ between Linux (Glibc) and macOS (Darwin), each
/// with a branch per system. Everything else in the target calls POSIX names that both
/// share.
///
/// CI builds Linux only: the Darwin branches are written against Darwin's headers but not
/// compiled there.
enum Platform {
    /// `read` (callers with a `read` of their own cannot name the system's unqualified, and
    /// `Glibc.read` does not exist on Darwin).
    static func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        read(fd, buffer, count)
    }

    /// The path of the running program as the system knows it: `/proc/self/exe` on Linux;
    /// `nil` elsewhere (callers fall back on the first command-line argument).
    static func executablePath() -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return nil
        #endif
    }

    /// The modification time in a `stat` record, as seconds and nanoseconds since 1970.
    static func modificationTime(_ info: stat) -> (seconds: Int, nanoseconds: Int) {
        #if os(Linux)
        (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #else
        (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #endif
    }
}
