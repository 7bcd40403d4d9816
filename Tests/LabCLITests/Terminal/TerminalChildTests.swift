#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import LabCLI

/// Children started in this process: how they end, what they read, and what they start
/// with. Serialized, as signal dispositions belong to the whole test process.
@Suite("Children on the terminal", .serialized)
struct TerminalChildTests {
    private static func temporaryFile() -> String {
        NSTemporaryDirectory() + "kdslab-child-\(UUID().uuidString)"
    }

    @Test("exit statuses and signals are reported as a shell would")
    func outcomes() {
        #expect(TerminalChild.shell("exit 3").run() == .exited(3))
        let killed = TerminalChild.shell("kill -TERM $$").run()
        #expect(killed == .signalled(SIGTERM))
        #expect(killed.shellStatus == 128 + SIGTERM)
        #expect(TerminalChild(executable: "/nonexistent/kdslab-editor", arguments: ["x"]).run() == .notStarted(errno: ENOENT))
        #expect(TerminalChild.shell("kdslab-no-such-command-\(UInt32.random(in: 0...UInt32.max))").run() == .exited(127))
    }

    @Test("the input text arrives on standard input; `$1` is the first argument")
    func input() throws {
        let path = Self.temporaryFile()
        defer { unlink(path) }
        let text = "line one\nline two, with spaces\n"
        #expect(TerminalChild.shell("cat > \"$1\"", arguments: [path]).run(input: text) == .exited(0))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test("a child that stops reading early ends the write, not this process")
    func quitEarly() {
        let text = String(repeating: "a long lesson line\n", count: 50_000)
        #expect(TerminalChild.shell("head -c 1 > /dev/null").run(input: text) == .exited(0))
    }

    @Test("the child shares our process group, with no signal blocked or ignored",
          .enabled(if: TestPlatform.processInformationFolder != nil))
    func startsClean() throws {
        let path = Self.temporaryFile()
        defer { unlink(path) }
        // Block some signals in this thread, as Dispatch's threads do, to see them cleared.
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for number in [SIGINT, SIGTERM, SIGCHLD, SIGWINCH] { sigaddset(&blocked, number) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        // `exec`, so `cat` reports on itself as started (the shell blocks signals while it
        // waits for a command, which would hide what we passed on).
        let folder = try #require(TestPlatform.processInformationFolder)
        let outcome = TerminalChild.shell("exec cat \(folder)/stat \(folder)/status > \"$1\"", arguments: [path]).run()
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        #expect(outcome == .exited(0))

        let report = try String(contentsOfFile: path, encoding: .utf8)
        // /proc/PID/stat: "pid (comm) state ppid pgrp ...".
        let afterName = try #require(report.split(separator: ")", maxSplits: 1).last)
        let pgrp = afterName.split(separator: " ").dropFirst(2).first.flatMap { Int32($0) }
        #expect(pgrp == getpgrp())
        func mask(_ name: String) -> UInt64? {
            report.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { UInt64($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16) }
        }
        #expect(mask("SigBlk") == 0)
        let defaulted = TerminalChild.defaultedSignals.reduce(UInt64(0)) { $0 | (1 << UInt64($1 - 1)) }
        #expect(mask("SigIgn").map { $0 & defaulted } == 0)
    }

    #if canImport(Glibc)
    @Test("SIGINT, SIGQUIT and SIGPIPE are ignored while the child runs and restored after")
    func dispositions() throws {
        func handlers() -> [Int] {
            TerminalHandover.ignoredSignals.map { number in
                var action = sigaction()
                sigaction(number, nil, &action)
                return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
            }
        }
        let before = handlers()
        let handover = TerminalHandover.begin()
        let during = handlers()
        handover.end()
        #expect(during == Array(repeating: unsafeBitCast(SIG_IGN, to: Int.self), count: during.count))
        #expect(handlers() == before)
        #expect(TerminalChild.shell("true").run() == .exited(0))
        #expect(handlers() == before)
    }
    #endif

    @Test("a pager that cannot be found or run falls back to printing", arguments: [
        "kdslab-no-such-pager",  // not on PATH: the shell is not started
        "exit 127",  // the shell's answer for "not found"
        "exit 126",  // and for "found but cannot run"
    ])
    func missingPager(pager: String) {
        let io = TestIO(environment: ["PAGER": pager, "PATH": "/usr/bin:/bin"], terminal: true)
        Pager.show("a\nb\nc\n", io: io, screenRows: 2)
        #expect(io.output == "a\nb\nc\n")
    }
}
