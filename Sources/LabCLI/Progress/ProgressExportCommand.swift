import LabKit

/// `kdslab progress export FILE`: writes the learner's progress in the course (the attempt
/// log, line for line, the lessons read and the drafts) to FILE (`-`: standard output), to
/// import on another machine (``ProgressExport``).
///
/// Exits 0; 2 on bad usage, when the progress cannot be read, or when the attempt log is
/// not intact (an export must be checkable where it arrives).
struct ProgressExportCommand {
    let io: CommandIO

    static let name = "progress export"

    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: ReplCommandLine.options).scan(arguments)
        guard parsed.positionals.count == 1, let file = parsed.positionals.first else {
            throw .usage(parsed.positionals.isEmpty ? "give the file to write, e.g. kdslab progress export progress-export.json"
                                                    : "give one file, not \(parsed.positionals.count)", command: "progress")
        }
        let course = try ReplCommandLine.loadCourse(parsed, io: io)
        let store = try ProgressCommand.store(io: io, courseID: course.manifest?.id)
        let (state, log, reading, drafts) = try ProgressCommand.attempt {
            (try store.load(), try store.readLog(), try store.readingRecord(), try store.allDrafts())
        }
        ProgressCommand.report(store.takeWarnings(), io: io)
        let verification = log.verify(against: state.log)
        guard verification.isIntact else {
            throw .usage("cannot export: your attempt log in \(store.root) is not intact (\(verification.description)); "
                         + "`kdslab progress --verify` says more")
        }
        var complete = log
        complete.unfinished = []
        let export = ProgressExport(courseID: course.manifest?.id, courseTitle: course.title,
                                    courseVersion: course.manifest?.version.description, exportedAt: store.clock(),
                                    log: complete, lessonsRead: reading.firstRead, drafts: drafts)
        var table = ProgressCommand(io: io)
        table.knownLabs = course.labs.map { ($0.id, $0.definition.title) }
        let text = export.jsonText(rows: table.rows(state))
        if file == "-" {
            io.writeOutput(text)
            return 0
        }
        do {
            try io.writeFile(file, contents: text)
        } catch {
            throw .usage("cannot write '\(file)': \(error.reason)")
        }
        let passed = state.labs.values.filter { $0.status == .passed }.count
        io.line("Exported your progress in “\(course.title)” to \(file): \(complete.lines.count) attempt log "
                + "line\(complete.lines.count == 1 ? "" : "s"), \(passed) lab\(passed == 1 ? "" : "s") passed, "
                + "\(reading.firstRead.count) lesson\(reading.firstRead.count == 1 ? "" : "s") read, "
                + "\(drafts.count) draft\(drafts.count == 1 ? "" : "s").")
        io.line("On the other machine: kdslab progress import \(file)")
        return 0
    }
}
