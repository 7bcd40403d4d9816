import Foundation

/// Shows long text through `$PAGER` (by default `less`) when standard output is a terminal,
/// and writes it directly otherwise or when the pager cannot run.
///
/// The decision is a pure function (``plan(lineCount:screenRows:outputIsTerminal:environment:)``);
/// only ``show(_:io:screenRows:)`` starts a process.
enum Pager {
    /// What to do with the text.
    enum Plan: Equatable {
        /// Write it to standard output.
        case print
        /// Pipe it to `/bin/sh -c command` with `environment` added to ours.
        case page(command: String, environment: [String: String])
    }

    /// Pages only on a terminal and only when the text is taller than the screen. `PAGER`
    /// set to an empty string, or to `cat`, means no pager. `LESS=FRX` is added when `LESS`
    /// is unset, so `less` keeps colours and quits at once if the text fits after all.
    static func plan(lineCount: Int, screenRows: Int, outputIsTerminal: Bool,
                     environment: (String) -> String?) -> Plan {
        guard outputIsTerminal, lineCount > max(1, screenRows - 1) else { return .print }
        let pager = environment("PAGER") ?? "less"
        let trimmed = pager.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed != "cat" else { return .print }
        var extra: [String: String] = [:]
        if environment("LESS") == nil { extra["LESS"] = "FRX" }
        return .page(command: trimmed, environment: extra)
    }

    /// Writes `text` (which ends in a newline) through the pager, or directly.
    static func show(_ text: String, io: CommandIO, screenRows: Int) {
        let lineCount = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let plan = plan(lineCount: lineCount, screenRows: screenRows,
                        outputIsTerminal: io.outputIsTerminal, environment: io.environment)
        guard case .page(let command, let extra) = plan, run(command, environment: extra, input: text) else {
            io.writeOutput(text)
            return
        }
    }

    /// Runs the pager with `input` on its standard input; `false` if it could not start or
    /// the shell could not find it (exit status 126 or 127), so nothing was shown.
    private static func run(_ command: String, environment extra: [String: String], input: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            return false
        }
        // The learner may quit the pager before reading everything: a closed pipe must
        // end the write, not the program.
        let previous = signal(SIGPIPE, SIG_IGN)
        try? pipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        signal(SIGPIPE, previous)
        return !(process.terminationReason == .exit && [126, 127].contains(process.terminationStatus))
    }
}
