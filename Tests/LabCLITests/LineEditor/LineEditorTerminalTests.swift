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
