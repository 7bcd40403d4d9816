#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import Testing
@testable import LabCLI

/// Drives the real raw-mode loop through a pseudo-terminal.
@Suite("Line editor on a pseudo-terminal", .serialized, .enabled(if: access("/dev/ptmx", R_OK | W_OK) == 0))
struct LineEditorTerminalTests {
    /// A pseudo-terminal pair: the editor uses `terminal`, the test types into `controller`.
    final class PseudoTerminal {
        let controller: Int32
        let terminal: Int32

        init() throws {
            // posix_openpt, grantpt, unlockpt and ptsname are not imported into Swift; these
            // are the two Linux ioctls behind them: TIOCSPTLCK = _IOW('T', 0x31, int) and
            // TIOCGPTN = _IOR('T', 0x30, unsigned int).
            controller = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            guard controller >= 0 else { throw POSIXError(.ENODEV) }
            var unlock: Int32 = 0
            var number: UInt32 = 0
            guard ioctl(controller, UInt(0x4004_5431), &unlock) == 0,
                  ioctl(controller, UInt(0x8004_5430), &number) == 0 else {
                close(controller)
                throw POSIXError(.ENODEV)
            }
            terminal = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
            guard terminal >= 0 else {
                close(controller)
                throw POSIXError(.ENODEV)
            }
            // No output processing, so the test sees exactly the bytes the editor wrote
            // (with ONLCR each "\r\n" would arrive as "\r\r\n").
            var attributes = termios()
            tcgetattr(terminal, &attributes)
            attributes.c_oflag &= ~tcflag_t(OPOST)
            tcsetattr(terminal, TCSANOW, &attributes)
            var size = winsize(ws_row: 24, ws_col: 40, ws_xpixel: 0, ws_ypixel: 0)
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

        /// Everything the editor has drawn so far.
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

    @Test("typed keys are edited and entered; the terminal is restored afterwards")
    func enterLine() throws {
        let pty = try PseudoTerminal()
        let before = pty.localModes
        let editor = LineEditor(input: pty.terminal, output: pty.terminal)
        pty.typeWhenRaw(Array("hi\u{1B}[DX\r".utf8))
        #expect(editor.readLine(prompt: "> ") == .line("hXi"))
        #expect(pty.localModes == before)
        let drawn = pty.drawn()
        #expect(drawn.hasPrefix("\r> \u{1B}[K\r\u{1B}[2C"))
        #expect(drawn.contains("\r> hXi\u{1B}[K\r\u{1B}[5C\r\n"))

        pty.typeWhenRaw(Array("\u{1B}[A\r".utf8))
        #expect(editor.readLine(prompt: "> ") == .line("hXi"))
        #expect(editor.history.entries == ["hXi"])
    }

    @Test("Ctrl-C cancels the line, Ctrl-D on an empty line ends input")
    func cancelAndEnd() throws {
        let pty = try PseudoTerminal()
        let editor = LineEditor(input: pty.terminal, output: pty.terminal)
        pty.typeWhenRaw(Array("oops\u{03}".utf8))
        #expect(editor.readLine(prompt: "$ ") == .cancelled)
        #expect(pty.drawn().hasSuffix("\r$ oops^C\u{1B}[K\r\u{1B}[8C\r\n"))
        pty.typeWhenRaw([0x04])
        #expect(editor.readLine(prompt: "$ ") == .endOfInput)
        #expect(editor.history.entries.isEmpty)
    }

    @Test("pasted lines are kept for the following calls")
    func pastedLines() throws {
        let pty = try PseudoTerminal()
        let editor = LineEditor(input: pty.terminal, output: pty.terminal)
        pty.typeWhenRaw(Array("first\rsecond\r".utf8))
        #expect(editor.readLine(prompt: "> ") == .line("first"))
        #expect(editor.readLine(prompt: "> ") == .line("second"))
    }

    @Test("Tab twice lists the candidates under the line, using the terminal's width")
    func listing() throws {
        let pty = try PseudoTerminal()
        let editor = LineEditor(input: pty.terminal, output: pty.terminal) { _, _ in
            ["describe-stream", "describe-stream-consumer"]
        }
        pty.typeWhenRaw(Array("describe\t\t\r".utf8))
        #expect(editor.readLine(prompt: "> ") == .line("describe-stream"))
        #expect(pty.drawn().contains("\r\ndescribe-stream\r\ndescribe-stream-consumer\r\n"))
    }

    @Test("without a terminal a plain line is read")
    func plainInput() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let bytes = Array("plain\r\nrest".utf8)
        _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        let devNull = open("/dev/null", O_WRONLY)
        defer { close(devNull) }
        let editor = LineEditor(input: fds[0], output: devNull)
        #expect(editor.readLine(prompt: "> ") == .line("plain"))
        #expect(editor.readLine(prompt: "> ") == .line("rest"))
        #expect(editor.readLine(prompt: "> ") == .endOfInput)
    }
}
