#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Dispatch
import Foundation
import LabKit

/// `kdslab watch LAB`: grades the draft, then again each time it is saved (polling its
/// modification time every 300 ms), until Ctrl-C. On a terminal each grade replaces the last.
struct WatchCommand {
    let io: CommandIO
    /// How often the draft is looked at, in milliseconds.
    var interval: UInt32 = 300
    /// How many looks to take before stopping (`nil`: until Ctrl-C); for tests.
    var maxPolls: Int?

    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: "watch", options: ReplCommandLine.options).scan(arguments)
        guard let id = parsed.positionals.first else {
            throw .usage("give the lab to watch, e.g. kdslab watch producer-only", command: "watch")
        }
        if parsed.positionals.count > 1 {
            throw .usage("unexpected argument '\(parsed.positionals[1])' for 'watch'", command: "watch")
        }
        let course = try ReplCommandLine.loadCourse(parsed, io: io)
        for warning in course.warnings { io.errorLine("kdslab: warning: \(warning)") }
        guard let lab = course.lab(id) else {
            let hint = ReplCommandSpec.closest(id, in: course.labIDs).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("no lab '\(id)'\(hint) (labs: \(course.labIDs.joined(separator: ", ")))")
        }
        let store = try ProgressCommand.store(io: io, courseID: course.manifest?.id)
        let path = try ProgressCommand.attempt { () throws -> String in
            if try store.draft(for: lab.id) == nil { try store.saveDraft(lab.starter, for: lab.id) }
            return try store.draftPath(for: lab.id)
        }
        let style = TerminalStyle.resolve(io: io, arguments: parsed)
        let stop = StopFlag()
        let source = maxPolls == nil ? stop.catchInterrupt() : nil
        defer { source?.cancel() }

        var watch = DraftWatch()
        var polls = 0
        while !stop.isSet {
            if let maxPolls, polls >= maxPolls { break }
            polls += 1
            switch watch.observe(Self.stamp(path)) {
            case .wait:
                break
            case .missing:
                io.line(style.yellow("Waiting for \(path) to come back…"))
            case .grade:
                if io.outputIsTerminal && io.environment("TERM") != "dumb" { io.writeOutput("\u{1B}[H\u{1B}[2J") }
                io.line(style.dim("Watching \(path): save it to re-grade; Ctrl-C stops."))
                let text = (try? store.draft(for: lab.id)) ?? nil
                let report = Grader(definition: lab.definition).grade(text ?? "", name: lab.id)
                GradeReportRenderer(style: style, width: TerminalSize.current(io: io).columns)
                    .render(report, text: text ?? "", recorded: false).forEach { io.line($0) }
                if report.passed { io.line(style.green("All checks pass.") + " Submit it in the REPL (`kdslab`, `start \(lab.id)`, `submit`).") }
            }
            if maxPolls == nil || polls < maxPolls ?? 0 { usleep(interval * 1000) }
        }
        if stop.isSet { io.line("") ; io.line("Stopped watching.") }
        return 0
    }

    /// The draft's modification time and size, or `nil` when it is missing.
    static func stamp(_ path: String) -> DraftWatch.Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = Platform.modificationTime(info)
        return DraftWatch.Stamp(seconds: modified.seconds, nanoseconds: modified.nanoseconds, size: Int(info.st_size))
    }
}

/// Set once by Ctrl-C, read by the watch loop.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }

    /// Turns SIGINT into setting the flag (so the loop ends and the terminal is left clean);
    /// cancel the returned source to stop listening. SIGINT stays ignored afterwards only
    /// for this process's remaining moments.
    func catchInterrupt() -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [self] in set() }
        source.resume()
        return source
    }
}
