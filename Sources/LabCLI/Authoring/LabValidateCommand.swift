import IAMPolicy
import LabKit

/// `kdslab lab validate [DIR|ID ...] [--output text|json] [--course DIR | --labs DIR] [--content DIR]`:
/// checks labs as an author needs before learners see them (``LabValidator``) and prints
/// every problem as `path/file:line:column: severity: message`, then a line per lab.
///
/// An argument with a `/` is a lab folder; otherwise it is a lab id in the course's labs
/// folder. No argument validates the whole course: its `course.json` (``CourseChecks``),
/// its lessons and every lab.
/// Exit statuses: 0 no errors (warnings allowed); 1 any error; 2 bad usage.
struct LabValidateCommand {
    /// Where input comes from and output goes.
    let io: CommandIO

    /// The command's name in messages.
    static let name = "lab validate"

    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: [.value("--output")] + ReplCommandLine.options)
            .scan(arguments)
        let format = try OutputFormat.from(parsed, default: .text, command: Self.name)
        let folders = try labFolders(parsed)
        let sections = lessonSections(parsed)
        let validator = LabValidator(knownLessons: sections.map { Set($0.keys) }, lessonSections: sections)
        let results = folders.map { folder in
            (folder: folder, validation: validator.validate(LabFolderReader.read(folder, io: io)))
        }
        // The whole course: its course.json and lessons too.
        let course = parsed.positionals.isEmpty
            ? CourseChecks.run(try CourseLocator(parsed).locate(io: io), labFolders: folders, io: io) : nil
        switch format {
        case .text: io.writeOutput(Self.text(results, course: course))
        case .json: io.line(JSONWriter.string(Self.json(results, course: course), pretty: true))
        }
        return results.contains { $0.validation.hasErrors } || (course?.errorCount ?? 0) > 0 ? 1 : 0
    }

    /// The lab folders the arguments name, or every lab folder of the course.
    private func labFolders(_ parsed: ParsedArguments) throws(CommandFailure) -> [String] {
        let locator = CourseLocator(parsed)
        let needsCourse = parsed.positionals.isEmpty || parsed.positionals.contains { !$0.contains("/") }
        let labs = needsCourse ? try locator.locate(io: io).labs : ""
        if parsed.positionals.isEmpty {
            let folders = (io.listCourseDirectory(labs) ?? []).filter { $0.isDirectory && !$0.name.hasPrefix(".") }.map { labs + "/" + $0.name }
            if folders.isEmpty { throw .usage("no labs in '\(labs)'", command: Self.name) }
            return folders
        }
        var folders: [String] = []
        for argument in parsed.positionals {
            if argument.contains("/") {
                let folder = CourseLocator.trimmed(argument)
                guard io.isCourseDirectory(folder) else { throw .usage("'\(argument)' is not a lab folder", command: Self.name) }
                folders.append(folder)
            } else {
                guard io.isCourseDirectory(labs + "/" + argument) else {
                    let known = (io.listCourseDirectory(labs) ?? []).filter(\.isDirectory).map(\.name)
                    throw .usage("no lab '\(argument)' in \(labs)" + (known.isEmpty ? "" : "; labs: \(known.joined(separator: ", "))"))
                }
                folders.append(labs + "/" + argument)
            }
        }
        return folders
    }

    /// The course's lessons and their section titles, by lesson id; `nil` without a content folder.
    private func lessonSections(_ parsed: ParsedArguments) -> [String: [String]]? {
        guard let location = try? CourseLocator(parsed).locate(io: io), location.content != nil else { return nil }
        return CourseLoader(io: io).loadLessons(location.content).sectionTitles
    }

    /// Problems as compiler lines, a summary line per lab, and a total when there are several
    /// (the course's checks first, and in the total, when the whole course was validated).
    static func text(_ results: [(folder: String, validation: LabValidation)], course: CourseChecks? = nil) -> String {
        var out = course?.text ?? ""
        for (folder, v) in results {
            for p in v.problems { out += "\(folder)/\(p)\n" }
            out += summaryLine(v) + "\n"
        }
        if results.count > 1 || course != nil {
            let errors = results.reduce(course?.errorCount ?? 0) { $0 + $1.validation.errorCount }
            let warnings = results.reduce(course?.warningCount ?? 0) { $0 + $1.validation.warningCount }
            out += "\(course == nil ? "" : "course and ")\(count(results.count, "lab")): \(count(errors, "error")), \(count(warnings, "warning"))\n"
        }
        return out
    }

    /// `producer-only: 8 checks, 17 mutations killed, 0 survived; 3 variants, 9 known-bad answers: ok`
    static func summaryLine(_ v: LabValidation) -> String {
        let s = v.summary
        let verdict = v.errorCount == 0 && v.warningCount == 0 ? "ok"
            : [v.errorCount > 0 ? count(v.errorCount, "error") : nil, v.warningCount > 0 ? count(v.warningCount, "warning") : nil]
                .compactMap { $0 }.joined(separator: ", ")
        guard s.loaded else { return "\(v.labId): not loaded: \(verdict)" }
        return "\(v.labId): \(count(s.checks, "check")), \(s.mutationsKilled) mutation\(s.mutationsKilled == 1 ? "" : "s") killed, "
            + "\(s.mutationsSurvived) survived; \(count(s.variants, "variant")), \(count(s.shippedMutants, "known-bad answer")): \(verdict)"
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// Everything as one JSON document; `course` (its checks, when the whole course was
    /// validated) comes first and counts in the totals.
    static func json(_ results: [(folder: String, validation: LabValidation)], course: CourseChecks? = nil) -> JSONValue {
        let labs = results.map { folder, v -> JSONValue in
            let s = v.summary
            return .object([
                ("id", .string(v.labId)),
                ("path", .string(folder)),
                ("loaded", .bool(s.loaded)),
                ("passed", .bool(!v.hasErrors)),
                ("errors", .number(v.errorCount)),
                ("warnings", .number(v.warningCount)),
                ("checks", .number(s.checks)),
                ("variants", .number(s.variants)),
                ("shippedMutants", .number(s.shippedMutants)),
                ("mutationsKilled", .number(s.mutationsKilled)),
                ("mutationsSurvived", .number(s.mutationsSurvived)),
                ("problems", .array(v.problems.map { p in
                    .object([("file", .string(p.file)), ("path", .string("\(folder)/\(p.file)")), ("line", .number(p.line)),
                             ("column", .number(p.column)), ("severity", .string(p.severity.rawValue)), ("message", .string(p.message))])
                })),
                ("mutations", .array(v.mutations.map { o in
                    .object([("name", .string(o.mutation.name)), ("kind", .string(o.mutation.kind.rawValue)),
                             ("statement", .number(o.mutation.statement)), ("line", .number(o.mutation.line)),
                             ("column", .number(o.mutation.column)), ("killed", .bool(o.killed)),
                             ("failedChecks", .array(o.failedChecks.map(JSONValue.string)))])
                })),
            ])
        }
        return .object((course.map { [("course", $0.json)] } ?? []) + [
            ("labs", .array(labs)),
            ("errors", .number(results.reduce(course?.errorCount ?? 0) { $0 + $1.validation.errorCount })),
            ("warnings", .number(results.reduce(course?.warningCount ?? 0) { $0 + $1.validation.warningCount })),
        ])
    }
}
