// Linux only, as ``ShellSession`` is.
#if canImport(Glibc)
import Glibc
import Foundation
import Testing

/// The built `kdslab` typed at an interactive bash (job control on) on a pseudo-terminal of
/// 80 by 24, as a learner runs it: the pager and the editor get the keyboard, Ctrl-C in
/// them leaves the REPL running, and the line editor works afterwards.
///
/// Uses the real `less` when it is installed, else a small pager script reading /dev/tty.
@Suite("Pager and editor from an interactive shell", .serialized,
       .enabled(if: ChildProcess.which("bash") != nil, "needs bash for a job-control shell"),
       .enabled(if: access("/dev/ptmx", R_OK | W_OK) == 0, "needs pseudo-terminals (/dev/ptmx)"))
struct InteractiveChildTests {
    /// The end of lesson 1, as rendered: shown only once the pager has been paged through.
    static let lessonEnd = "Further reading:"
    static let hasLess = ChildProcess.which("less") != nil

    /// A home folder with an editor script that reads a line from /dev/tty and saves it
    /// beside the draft, and, without `less`, a pager script that does the same for `q`.
    private let home = ChildProcess.temporaryFolder()
    private var draft: String { home + "/state/workspace/producer-only.json" }

    private func startKdslab() throws -> ShellSession {
        let binary = TestPlatform.kdslabBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "no kdslab binary beside the tests at \(binary)")
        let editor = home + "/editor.sh"
        try """
            #!/bin/sh
            printf 'editor ready> '
            IFS= read -r line < /dev/tty
            printf '%s\\n' "$line" > "$1.got"

            """.write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home, "TERM": "xterm", "LC_ALL": "C.UTF-8", "NO_COLOR": "1", "HISTFILE": "/dev/null",
            "KDSLAB_HOME": home + "/state", "EDITOR": editor,
        ]
        if !Self.hasLess {
            let pager = home + "/pager.sh"
            try """
                #!/bin/sh
                cat
                printf '(END)'
                while IFS= read -r key < /dev/tty; do [ "$key" = q ] && exit 0; done

                """.write(toFile: pager, atomically: true, encoding: .utf8)
            chmod(pager, 0o755)
            environment["PAGER"] = pager
        }
        let session = try ShellSession(environment: environment, columns: 80, rows: 24)
        session.type(binary + "\r")
        try #require(session.expect("kdslab> ", timeout: 30))
        return session
    }

    /// The key that quits the pager.
    private var quitPager: String { Self.hasLess ? "q" : "q\r" }

    @Test("`read 1` pages the whole lesson, `edit` reads the keyboard; history and Tab work after")
    func pagerAndEditor() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try startKdslab()

        session.type("read 1\r")
        try #require(session.expect("Least privilege"))
        if Self.hasLess {
            // One screenful, then less waits for a key: the rest comes a page at a time.
            #expect(!session.shows(Self.lessonEnd, within: 1))
            var pages = 0
            while pages < 8, !session.shows(Self.lessonEnd, within: 1) {
                session.type(" ")
                pages += 1
            }
        }
        try #require(session.expect(Self.lessonEnd))
        session.type(quitPager)
        try #require(session.expect("Labs for this lesson"))
        try #require(session.expect("kdslab> "))

        session.type("start producer-only\r")
        try #require(session.expect("kdslab producer-only> "))
        session.type("edit\r")
        try #require(session.expect("editor ready> "))
        session.type("typed in the editor\r")
        try #require(session.expect("Saved in"))
        try #require(session.expect("kdslab producer-only> "))
        #expect(try String(contentsOfFile: draft + ".got", encoding: .utf8) == "typed in the editor\n")

        // Up-arrow recalls `edit`; Ctrl-C drops it; Tab completes `less` to `lessons`.
        session.type("\u{1B}[A")
        try #require(session.expect("kdslab producer-only> edit"))
        session.type("\u{03}")
        try #require(session.expect("^C"))
        session.type("less\t\r")
        try #require(session.expect("1. ✔ Least privilege"))
        session.type("quit\r")
        try #require(session.expect("Bye."))
        try #require(session.expect(ShellSession.prompt))
    }

    @Test("Ctrl-C in the pager or the editor ends at most them, not the REPL")
    func interrupt() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try startKdslab()

        session.type("read 1\r")
        try #require(session.expect("Least privilege"))
        session.type("\u{03}")
        #expect(!session.shows("Bye.", within: 1))
        // less stays open on Ctrl-C; the fallback pager script is ended by it.
        if Self.hasLess { session.type(quitPager) }
        try #require(session.expect("kdslab> "))
        session.type("lessons\r")
        try #require(session.expect("1. ✔ Least privilege"))

        session.type("start producer-only\r")
        try #require(session.expect("kdslab producer-only> "))
        session.type("edit\r")
        try #require(session.expect("editor ready> "))
        session.type("\u{03}")
        try #require(session.expect("exited with status 130"))
        try #require(session.expect("kdslab producer-only> "))
        session.type("lessons\r")
        try #require(session.expect("1. ✔ Least privilege"))
        #expect(!FileManager.default.fileExists(atPath: draft + ".got"))
    }
}
#endif
