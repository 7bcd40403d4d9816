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
    /// The modification time in a `stat` record, as seconds and nanoseconds since 1970.
    static func modificationTime(_ info: stat) -> (seconds: Int, nanoseconds: Int) {
        #if os(Linux)
        (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #else
        (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #endif
    }
}
