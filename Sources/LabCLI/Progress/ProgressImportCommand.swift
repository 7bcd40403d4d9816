import LabKit

/// `kdslab progress import FILE [--replace]`: takes the progress in FILE (written by
/// `progress export`; `-` reads standard input) into this machine's progress in the same
/// course.
///
/// FILE must be for this course (its id) and its attempt log intact. Its log is taken when
/// the log here is a beginning of it; when the log here is newer, went its own way, or is not
/// intact, nothing changes unless `--replace`, which keeps the files here aside first. Lessons
/// read are added; a draft is added where there is none here, else saved beside the one here
/// (with `--replace`, the one here is kept aside and FILE's becomes the draft).
///
/// Exits 0 when imported or already up to date; 1 when nothing was imported because it would
/// have lost progress here; 2 on bad usage or a file that cannot be imported.
struct ProgressImportCommand {
    let io: CommandIO

    static let name = "progress import"

    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: ReplCommandLine.options + [.flag("--replace")]).scan(arguments)
        guard parsed.positionals.count == 1, let file = parsed.positionals.first else {
            throw .usage(parsed.positionals.isEmpty ? "give the file to import, e.g. kdslab progress import progress-export.json"
                                                    : "give one file, not \(parsed.positionals.count)", command: "progress")
        }
        let export = try read(file)
        let course = try ReplCommandLine.loadCourse(parsed, io: io)
        guard export.courseID == course.manifest?.id else {
            let theirs = export.courseID.map { "`\($0)`" } ?? "a course without an id"
            let ours = course.manifest.map { "`\($0.id)`" } ?? "a course without an id (no course.json)"
            throw .usage("\(file) holds progress in \(theirs) (“\(export.courseTitle)”), but the course here is \(ours); "
                         + "choose that course with --course DIR")
        }
        let replacing = parsed.has("--replace")
        let store = try ProgressCommand.store(io: io, courseID: course.manifest?.id)
        let outcome = try ProgressCommand.attempt { try store.importLog(export.log, replacing: replacing) }
        ProgressCommand.report(store.takeWarnings(), io: io)
        let here = store.root
        if !outcome.applied && outcome.relation != .same {
            io.line("Not imported: " + Self.refusal(outcome, file: file, export: export) + " Nothing was changed in \(here).")
            io.line("`kdslab progress import \(file) --replace` takes \(file)'s instead, keeping yours as "
                    + "progress.json.replaced-TIME and attempts.log.replaced-TIME.")
            return 1
        }
        if outcome.applied {
            let added: String
            if case .behind(let lines) = outcome.relation, !outcome.localWasBroken {
                added = "\(lines) new attempt log line\(lines == 1 ? "" : "s")"
            } else {
                added = "its \(export.log.lines.count) attempt log line\(export.log.lines.count == 1 ? "" : "s") in place of yours"
            }
            io.line("Imported \(added) from \(file) into \(here).")
            if !outcome.keptAs.isEmpty { io.line("Kept aside: \(outcome.keptAs.joined(separator: ", ")).") }
        } else {
            io.line("Your attempt log already holds \(file)'s \(export.log.lines.count) line\(export.log.lines.count == 1 ? "" : "s").")
        }
        let lessons = try ProgressCommand.attempt { try store.mergeLessonsRead(export.lessonsRead) }
        if lessons > 0 { io.line("Lessons read: \(lessons) added.") }
        for (lab, text) in export.drafts.sorted(by: { $0.key < $1.key }) {
            let result: FileProgressStore.DraftImport
            do {
                result = try store.importDraft(text, for: lab, replacing: replacing && outcome.applied)
            } catch {
                io.errorLine("kdslab: warning: the draft of `\(lab)` in \(file) was not imported: \(error)")
                continue
            }
            switch result {
            case .added: io.line("Draft of `\(lab)` added.")
            case .same: break
            case .keptBeside(let path): io.line("Your draft of `\(lab)` differs from \(file)'s and stays; theirs is saved as \(path).")
            case .replaced(let keptAs): io.line("Draft of `\(lab)` replaced; yours is kept as \(keptAs).")
            }
        }
        return 0
    }

    /// The export in `file`, or a failure naming the file and what is wrong.
    private func read(_ file: String) throws(CommandFailure) -> ProgressExport {
        let bytes: [UInt8]
        do {
            bytes = file == "-" ? try io.readStandardInput(limit: ProgressExport.readLimit)
                : try io.readFile(file, limit: ProgressExport.readLimit)
        } catch {
            throw .usage("cannot read '\(file)': \(error.reason)")
        }
        guard case .success(let text) = UTF8Text.decode(bytes) else {
            throw .usage("\(file) is not a kdslab progress export (not UTF-8 text)")
        }
        do {
            return try ProgressExport(jsonText: text)
        } catch {
            throw .usage("\(file): \(error.description); nothing was imported")
        }
    }

    /// Why the log here was not replaced, in the learner's words.
    static func refusal(_ outcome: FileProgressStore.LogImport, file: String, export: ProgressExport) -> String {
        if outcome.localWasBroken {
            return "your attempt log here is not intact (`kdslab progress --verify` says where), so it cannot be "
                + "compared with \(file)'s."
        }
        switch outcome.relation {
        case .ahead(let lines):
            return "your progress here is newer than \(file)'s: it has \(lines) attempt log line\(lines == 1 ? "" : "s") "
                + "after everything \(file) holds (exported \(export.exportedAt.iso8601))."
        case .diverged(let common):
            return "your progress here and \(file)'s went separate ways after attempt log line \(common): each has "
                + "attempts the other lacks."
        case .same, .behind:
            return "nothing to do."
        }
    }
}
