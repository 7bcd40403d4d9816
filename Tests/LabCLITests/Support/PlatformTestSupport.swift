#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What the LabCLI tests need from the system that differs between Linux (Glibc) and macOS
/// (Darwin), each with a branch per system.
///
/// CI runs Linux only: the Darwin branches are written against Darwin's headers and
/// Foundation but not compiled there.
enum TestPlatform {
    /// The folder the test bundle and the package's executables were built into: beside
    /// `/proc/self/exe` on Linux; beside the `.xctest` bundle on Darwin.
    static var productsFolder: URL? {
        #if os(Linux)
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        #else
        Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
        #endif
    }

    /// The `kdslab` executable built beside the tests.
    static var kdslabBinary: String {
        productsFolder?.appendingPathComponent("kdslab").path ?? "kdslab"
    }

    /// A new TCP socket of `family` that never raises `SIGPIPE`; -1 on failure.
    static func streamSocket(family: Int32) -> Int32 {
        #if os(Linux)
        return socket(family, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(family, SOCK_STREAM, 0)
        guard fd >= 0 else { return fd }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
        #endif
    }

    /// `send` that fails with `EPIPE` instead of raising `SIGPIPE` (`MSG_NOSIGNAL` on Linux;
    /// on Darwin the socket's `SO_NOSIGPIPE`, set by ``streamSocket(family:)``).
    static func sendNoSignal(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if os(Linux)
        send(fd, bytes, count, Int32(MSG_NOSIGNAL))
        #else
        send(fd, bytes, count, 0)
        #endif
    }

    /// This process's open file descriptors: `/proc/self/fd` on Linux, `/dev/fd` on Darwin.
    static func openDescriptors() -> [Int32] {
        #if os(Linux)
        let folder = "/proc/self/fd"
        #else
        let folder = "/dev/fd"
        #endif
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).compactMap { Int32($0) }
    }

    /// Where a process reads its own `stat` and `status` (`/proc/self`), on Linux only.
    static var processInformationFolder: String? {
        #if os(Linux)
        "/proc/self"
        #else
        nil
        #endif
    }

    /// Opens a new pseudo-terminal pair: the controller, and the terminal side's path.
    static func openPseudoTerminal() throws -> (controller: Int32, terminalPath: String) {
        #if os(Linux)
        // posix_openpt, grantpt, unlockpt and ptsname are not imported from Glibc into Swift;
        // these are the two Linux ioctls behind them: TIOCSPTLCK = _IOW('T', 0x31, int) and
        // TIOCGPTN = _IOR('T', 0x30, unsigned int).
        let controller = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard controller >= 0 else { throw POSIXError(.ENODEV) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(controller, UInt(0x4004_5431), &unlock) == 0,
              ioctl(controller, UInt(0x8004_5430), &number) == 0 else {
            close(controller)
            throw POSIXError(.ENODEV)
        }
        return (controller, "/dev/pts/\(number)")
        #else
        let controller = posix_openpt(O_RDWR | O_NOCTTY)
        guard controller >= 0 else { throw POSIXError(.ENODEV) }
        _ = fcntl(controller, F_SETFD, FD_CLOEXEC)
        guard grantpt(controller) == 0, unlockpt(controller) == 0, let name = ptsname(controller) else {
            close(controller)
            throw POSIXError(.ENODEV)
        }
        return (controller, String(cString: name))
        #endif
    }
}
