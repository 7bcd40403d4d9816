#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A pseudo-terminal pair: the program under test uses `terminal` (or opens ``terminalPath``),
/// the test types into and reads from `controller`.
final class PseudoTerminal {
    let controller: Int32
    let terminal: Int32
    /// The terminal side's device, `/dev/pts/N` on Linux.
    let terminalPath: String

    /// Opens a pair with a window of `columns` by `rows`. Without `outputProcessing` the test
    /// sees exactly the bytes written (with `ONLCR` each "\r\n" would arrive as "\r\r\n").
    init(columns: UInt16 = 40, rows: UInt16 = 24, outputProcessing: Bool = false) throws {
        (controller, terminalPath) = try TestPlatform.openPseudoTerminal()
        terminal = open(terminalPath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard terminal >= 0 else {
            close(controller)
            throw POSIXError(.ENODEV)
        }
        if !outputProcessing {
            var attributes = termios()
            tcgetattr(terminal, &attributes)
            attributes.c_oflag &= ~tcflag_t(OPOST)
            tcsetattr(terminal, TCSANOW, &attributes)
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
    }

    deinit {
        close(terminal)
        close(controller)
    }

    var localModes: tcflag_t {
        var attributes = termios()
        tcgetattr(terminal, &attributes)
        return attributes.c_lflag
    }

    /// Types `bytes` once the editor has put the terminal in raw mode, so the line
    /// discipline does not echo or translate them.
    func typeWhenRaw(_ bytes: [UInt8]) {
        let controller = self.controller
        let terminal = self.terminal
        Thread.detachNewThread {
            for _ in 0..<500 {
                var attributes = termios()
                tcgetattr(terminal, &attributes)
                if attributes.c_lflag & tcflag_t(ICANON) == 0 { break }
                usleep(10_000)
            }
            _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
        }
    }

    /// Everything drawn so far (until nothing more arrives for 100 ms).
    func drawn() -> String {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, 100) > 0 {
            let count = chunk.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            out += chunk[0..<count]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
