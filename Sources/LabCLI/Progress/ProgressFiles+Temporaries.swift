#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files behind atomic writes, named so that kdslab never mistakes a learner's
/// file for one of its own.
///
/// A temporary file is `.kdslab-tmp-PID-RANDOM`: the writer's process id in decimal and 16
/// lowercase hexadecimal digits, nothing before or after. Only a name of exactly that shape
/// is kdslab's; `ideas.tmp.json` or `.kdslab-tmp-notes` belong to the learner and stay.
extension ProgressFiles {
    /// What every temporary file kdslab writes starts with.
    static let temporaryPrefix = ".kdslab-tmp-"

    /// A temporary file is stale after this many seconds even when its writer's process id
    /// is in use again (ids are reused).
    static let temporaryMaximumAge = 3_600

    /// A fresh temporary file name in the directory of `path`.
    static func temporaryName(beside path: String) -> String {
        var random = SystemRandomNumberGenerator()
        let digits = String(random.next() as UInt64, radix: 16)
        let name = temporaryPrefix + "\(getpid())-" + String(repeating: "0", count: 16 - digits.count) + digits
        return directory(of: path) + "/" + name
    }

    /// The writer's process id when `name` has the shape kdslab gives its temporary files,
    /// else `nil`.
    static func temporaryWriter(_ name: String) -> pid_t? {
        guard name.hasPrefix(temporaryPrefix) else { return nil }
        let parts = name.dropFirst(temporaryPrefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let pid = pid_t(parts[0]), pid > 0, String(pid) == parts[0],
              parts[1].utf8.count == 16,
              parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        return pid
    }

    /// Whether `name` in `directory` is a temporary file kdslab wrote and no one will finish:
    /// a regular file with kdslab's temporary name whose writer is no longer running, or
    /// that is older than ``temporaryMaximumAge``.
    static func isStaleTemporary(_ name: String, in directory: String) -> Bool {
        guard let writer = temporaryWriter(name) else { return false }
        var info = stat()
        guard lstat(directory + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        let writerIsGone = kill(writer, 0) != 0 && errno == ESRCH
        let age = Int(time(nil)) - Platform.modificationTime(info).seconds
        return writerIsGone || age > temporaryMaximumAge
    }

    /// The directory part of `path` (`.` when there is none).
    static func directory(of path: String) -> String {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            .joined(separator: "/")
        return directory.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : directory
    }
}
