// Linux only, as ``ShellSession`` is.
#if canImport(Glibc)
import Glibc
import Foundation
import Testing

/// The built `kdslab` typed at an interactive bash on a pseudo-terminal, as a learner runs
/// it: a dumb terminal gets no escape sequences, a narrow one gets text that fits it, the
/// history outlives the session and Ctrl-R searches it, Ctrl-D ends a paste.
@Suite("The learner's terminal", .serialized,
       .enabled(if: ChildProcess.which("bash") != nil, "needs bash for a job-control shell"),
       .enabled(if: access("/dev/ptmx", R_OK | W_OK) == 0, "needs pseudo-terminals (/dev/ptmx)"))
struct LearnerTerminalTests {
    private let home = ChildProcess.temporaryFolder()
    static let solution = (try? String(contentsOfFile: ReplHarness.repository.appendingPathComponent("labs/producer-only/solution.json").path,
                                       encoding: .utf8)) ?? ""

    private var binary: String { TestPlatform.kdslabBinary }

    /// bash on a pseudo-terminal of `columns` by 30 with `TERM=term`, `kdslab` typed at it.
    private func startKdslab(term: String, columns: UInt16, colour: Bool = false) throws -> ShellSession {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "no kdslab binary beside the tests at \(binary)")
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home, "TERM": term, "LC_ALL": "C.UTF-8", "HISTFILE": "/dev/null",
            "KDSLAB_HOME": home + "/state", "PAGER": "cat",
        ]
        if !colour { environment["NO_COLOR"] = "1" }
        let session = try ShellSession(environment: environment, columns: columns, rows: 30)
        session.type(binary + "\r")
        try #require(session.expect("Type `help` for the commands", timeout: 30))
        return session
    }

    /// The prompt drawn afresh once `command` has run, in a session that starts lab 2 with
    /// `start 2`: on a new line, after the line editor's carriage return (none on a dumb
    /// terminal), its name in colour or not. (The line editor also redraws the prompt at
    /// every key, but never right after a line break.)
    static func prompt(after command: String, colour: Bool = false, dumb: Bool = false) -> String {
        let name = ["", "help", "labs", "lessons", "read 1"].contains(command) ? "kdslab" : "kdslab producer-only"
        return (dumb ? "\n" : "\n\r") + (colour ? "\u{1B}[36m\(name)\u{1B}[0m> " : "\(name)> ")
    }

    /// The lines the terminal shows for `text`: split at line ends, each line as it stands
    /// after its last carriage return, without escape sequences.
    static func screenLines(_ text: String) -> [String] {
        text.components(separatedBy: "\r\n").map { line in
            let visible = line.components(separatedBy: "\r").last ?? ""
            return visible.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
        }
    }

    @Test("TERM=dumb: a prompt and the terminal's own line editing, and not one escape sequence")
    func dumbTerminal() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try startKdslab(term: "dumb", columns: 80, colour: true)
        try #require(session.expect(Self.prompt(after: "", dumb: true)))
        for command in ["help", "labs", "lessons", "read 1", "start 2", "check", "hint", "next", "progress"] {
            session.type(command + "\r")
            try #require(session.expect(Self.prompt(after: command, dumb: true)))
        }
        session.type("paste\r")
        for line in Self.solution.split(separator: "\n") { session.type(line + "\r") }
        session.type(".\r")
        try #require(session.expect("Saved 15 lines as your draft."))
        session.type("quit\r")
        try #require(session.expect("Bye."))
        // Everything kdslab wrote, from its welcome to its goodbye (bash's own prompt aside).
        let all = session.text(from: 0)
        let from = try #require(all.range(of: "kdslab — Amazon Kinesis Data Streams security")).lowerBound
        let to = try #require(all.range(of: "Bye. Your progress is saved.")).upperBound
        let seen = String(all[from..<to])
        #expect(seen.contains("Course progress: 0/20 ░░░░░░░░░░"))
        #expect(seen.contains("Least privilege\r\n═══"))
        #expect(!seen.contains("\u{1B}"), "an escape sequence on a dumb terminal:\n\(seen.debugDescription.prefix(3000))")
    }

    @Test("60 columns: every command's text fits, long input scrolls with a marker")
    func sixtyColumns() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try startKdslab(term: "xterm", columns: 60, colour: true)
        let start = session.received
        try #require(session.expect(Self.prompt(after: "", colour: true)))
        for command in ["help", "labs", "start 2", "check", "hint", "explain PutRecord orders", "run", "progress", "next"] {
            session.type(command + "\r")
            try #require(session.expect(Self.prompt(after: command, colour: true)))
        }
        // A command line longer than the row: the editor shows its end behind a `«`.
        session.type("explain kinesis:DescribeStream arn:aws:kinesis:us-east-1:111122223333:stream/orders")
        try #require(session.expect("«"))
        session.type("\r")
        try #require(session.expect("allowed"))
        try #require(session.expect(Self.prompt(after: "explain", colour: true)))
        session.type("quit\r")
        try #require(session.expect("Bye."))
        let lines = Self.screenLines(session.text(from: start))
        for line in lines {
            #expect(line.unicodeScalars.count <= 60, "wider than 60: \(line)")
        }
        #expect(lines.contains(" 2.  producer-only  Write a producer-only policy"))
        #expect(lines.contains("     difficulty 1/5 · lesson 1 · not started"))
    }

    @Test("60 columns: a quiz asks one question at a time, stops on an empty line, goes on where it stopped; Tab completes explain")
    func quizWalk() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try startKdslab(term: "xterm", columns: 60)
        let start = session.received
        try #require(session.expect(Self.prompt(after: "")))
        session.type("start 1\r")
        try #require(session.expect("Question 1 of 6 (q1)"))
        try #require(session.expect("answer> "))
        session.type("b\r")
        try #require(session.expect("✔ Right. Access is easy to grant"))
        try #require(session.expect("Question 2 of 6 (q2)"))
        try #require(session.expect("answer> "))
        session.type("a\r")
        try #require(session.expect("✘ `a` is not the best answer. Read “Why bother?” in"))
        try #require(session.expect("answer> "))
        session.type("\r")
        try #require(session.expect("Stopped at q3: 2 of 6 answered and saved."))
        try #require(session.expect("kdslab why-least-privilege> "))
        let draft = try String(contentsOfFile: home + "/state/workspace/why-least-privilege.json", encoding: .utf8)
        #expect(draft.hasPrefix("{\n  \"q1\": \"b\",\n  \"q2\": \"a\",\n  \"q3\": \"?\""))
        session.type("start 1\r")
        try #require(session.expect("2 of 6 questions answered: going on from there."))
        try #require(session.expect("Question 3 of 6 (q3)"))
        try #require(session.expect("answer> "))
        session.type("stop\r")
        try #require(session.expect("Stopped at q3"))
        // The prediction quiz, left at once; then explain's words by Tab from its world.
        session.type("start predict-the-decision\r")
        try #require(session.expect("answer> "))
        session.type("\r")
        try #require(session.expect("kdslab predict-the-decision> "))
        session.type("explain GetRecords stream/cu\t")
        try #require(session.expect("stream/customer-profiles "))
        session.type("as fraud-s\t")
        try #require(session.expect("fraud-scorer "))
        session.type("\r")
        try #require(session.expect("✘ explicitly denied  kinesis:GetRecords on"))
        try #require(session.expect("kdslab predict-the-decision> "))
        session.type("quit\r")
        try #require(session.expect("Bye."))
        let lines = Self.screenLines(session.text(from: start))
        for line in lines {
            #expect(line.unicodeScalars.count <= 60, "wider than 60: \(line)")
        }
        #expect(lines.contains("  b) It stays: nobody remembers exactly why it was granted,"))
    }

    @Test("history outlives the session; Ctrl-R finds a line of the last one")
    func historyAndSearch() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        var session = try startKdslab(term: "xterm", columns: 80)
        try #require(session.expect(Self.prompt(after: "")))
        session.type("lessons\r")
        try #require(session.expect("You have read 0 of 15"))
        session.type("quit\r")
        try #require(session.expect(ShellSession.prompt))
        session = try startKdslab(term: "xterm", columns: 80)
        try #require(session.expect(Self.prompt(after: "")))
        session.type("\u{12}less")
        try #require(session.expect("(reverse-i-search)`less': lessons"))
        session.type("\r")
        try #require(session.expect("You have read 0 of 15"))
        session.type("quit\r")
        try #require(session.expect("Bye."))
        let history = try String(contentsOfFile: home + "/state/history", encoding: .utf8)
        #expect(history.hasPrefix("# kdslab history, formatVersion 1\nlessons\nquit\n"))
    }

    @Test("paste on a terminal: tabs are kept, Ctrl-D ends it; curly quotes are offered fixed; giving up asks")
    func pasteAndGiveUp() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try startKdslab(term: "xterm", columns: 80)
        try #require(session.expect(Self.prompt(after: "")))
        session.type("start 2\r")
        try #require(session.expect(Self.prompt(after: "start 2")))
        session.type("paste\r")
        try #require(session.expect("cancels)."))
        let tabbed = Self.solution.replacingOccurrences(of: "    \"Version\"", with: "\t\"Version\"")
            .replacingOccurrences(of: "  \"Version\"", with: "\t\"Version\"")
        for line in tabbed.split(separator: "\n") { session.type(line + "\r") }
        session.type("\u{04}")
        try #require(session.expect("Saved 15 lines as your draft."))
        let draft = try String(contentsOfFile: home + "/state/workspace/producer-only.json", encoding: .utf8)
        #expect(draft.contains("\t\"Version\": \"2012-10-17\""))

        session.type("paste\r")
        for line in Self.solution.replacingOccurrences(of: "\"Allow\"", with: "“Allow”").split(separator: "\n") {
            session.type(line + "\r")
        }
        session.type(".\r")
        try #require(session.expect("these are typographic quotes (“ ”): use straight double"))
        try #require(session.expect("then save?\r\n"))
        try #require(session.expect("[y/N] "))
        session.type("y\r")
        try #require(session.expect("Saved 15 lines as your draft."))

        session.type("solution --give-up\r")
        try #require(session.expect("Give up on producer-only and see its solution?"))
        try #require(session.expect("[y/N] "))
        session.type("\r")
        try #require(session.expect("Not given up."))
        session.type("quit\r")
        try #require(session.expect("Bye."))
    }
}
#endif
