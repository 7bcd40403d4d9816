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

    /// Pages only on a terminal that is not `TERM=dumb`, and only when the text is taller
    /// than the screen. `PAGER`
    /// set to an empty string, or to `cat`, means no pager. `LESS=FRX` is added when `LESS`
    /// is unset, so `less` keeps colours and quits at once if the text fits after all.
    static func plan(lineCount: Int, screenRows: Int, outputIsTerminal: Bool,
                     environment: (String) -> String?) -> Plan {
        guard outputIsTerminal, environment("TERM") != "dumb", lineCount > max(1, screenRows - 1) else { return .print }
        let pager = environment("PAGER") ?? "less"
        let trimmed = pager.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed != "cat" else { return .print }
        var extra: [String: String] = [:]
        if environment("LESS") == nil { extra["LESS"] = "FRX" }
        return .page(command: trimmed, environment: extra)
    }

    /// Writes `text` (which ends in a newline) through the pager, or directly (also when
    /// the pager is a simple command whose program is not on `PATH`).
    static func show(_ text: String, io: CommandIO, screenRows: Int) {
        let lineCount = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let plan = plan(lineCount: lineCount, screenRows: screenRows,
                        outputIsTerminal: io.outputIsTerminal, environment: io.environment)
        guard case .page(let command, let extra) = plan,
              ProgramLookup.mayRun(command, searchPath: io.environment("PATH")),
              run(command, environment: extra, input: text) else {
            io.writeOutput(text)
            return
        }
    }

    /// Runs the pager on the terminal with `input` on its standard input (see
    /// ``TerminalChild``); `false` if it could not start or the shell could not find or run
    /// it (exit status 127 or 126), so nothing was shown.
    private static func run(_ command: String, environment extra: [String: String], input: String) -> Bool {
        switch TerminalChild.shell(command, addedEnvironment: extra).run(input: input) {
        case .notStarted, .exited(126), .exited(127): false
        case .exited, .signalled: true
        }
    }
}
