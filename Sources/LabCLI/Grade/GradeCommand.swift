import Dispatch
import IAMPolicy
import LabKit

/// `kdslab grade --lab ID FILE|DIR... [--output text|json|junit|csv]`: grades submissions
/// against a lab, deterministically and in parallel.
///
/// A FILE is one learner's submission. A DIR holds one `.json` file per learner, or one
/// folder per learner (with `submission.json`, or its only `.json` file).
/// Exit statuses: 0 every submission passed; 1 any failed; 2 bad usage or an unusable lab.
struct GradeCommand {
    /// Where input comes from and output goes.
    let io: CommandIO

    /// The command's name in messages.
    static let name = "grade"

    /// One learner's submission as found on disk.
    struct Submission {
        /// The name reports use (the file's path, or the learner's folder).
        var name: String
        /// The text, or why it could not be read.
        var text: Result<String, SubmissionError>
        /// The file it was read from, if any.
        var path: String?
    }

    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: [.value("--lab"), .value("--labs"), .value("--course"), .value("--output")])
            .scan(arguments)
        guard let labId = parsed.value("--lab") else {
            throw .usage("give the lab to grade against, e.g. kdslab grade --lab producer-only submission.json", command: Self.name)
        }
        guard !parsed.positionals.isEmpty else {
            throw .usage("give at least one submission file or folder", command: Self.name)
        }
        let format = try GradeFormat.from(parsed.value("--output"), command: Self.name)
        let lab = try LabLookup(io: io, locator: CourseLocator(parsed)).lab(labId)
        var submissions: [Submission] = []
        for path in parsed.positionals {
            submissions += try collect(path)
        }
        let reports = grade(submissions, with: Grader(definition: lab.definition))
        let style = TerminalStyle.resolve(io: io, arguments: parsed)
        switch format {
        case .text: io.writeOutput(GradeTextRenderer(style: style).render(reports))
        case .json:
            let passed = reports.filter(\.passed).count
            io.line(JSONWriter.string(.object([
                ("lab", .string(lab.id)),
                ("submissions", .number(reports.count)),
                ("passed", .number(passed)),
                ("failed", .number(reports.count - passed)),
                ("results", .array(reports.map(\.jsonValue))),
            ]), pretty: true))
        case .junit:
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"\(XML.escape(lab.id))\">\n"
            for r in reports { xml += r.junitSuite() }
            io.writeOutput(xml + "</testsuites>\n")
        case .csv:
            io.writeOutput(([GradeReport.csvHeader] + reports.map(\.csvRow)).joined(separator: "\r\n") + "\r\n")
        case .gradescope, .exercism:
            let shape: (GradeReport) -> JSONValue = format == .gradescope ? { $0.gradescopeValue } : { $0.exercismValue }
            // The services grade one submission per run; a class gets one object per learner.
            let value = reports.count == 1 ? shape(reports[0]) : .object(reports.map { ($0.submission, shape($0)) })
            io.line(JSONWriter.string(value, pretty: true))
        case .sarif:
            let located = zip(reports, submissions).map { ($0, $1.path) }
            io.line(JSONWriter.string(SARIFLog.log(lab: lab, reports: located, version: KdslabCommand.version), pretty: true))
        }
        return reports.allSatisfy(\.passed) ? 0 : 1
    }

    /// Grades every submission in parallel, showing a progress bar on standard error when it
    /// is a terminal and the class is large enough to wait for.
    func grade(_ submissions: [Submission], with grader: Grader) -> [GradeReport] {
        let showProgress = io.errorIsTerminal && submissions.count >= 50
        guard showProgress else { return Self.grade(submissions, with: grader) }
        var reports: [GradeReport] = []
        reports.reserveCapacity(submissions.count)
        let chunk = max(16, submissions.count / 40)
        var start = 0
        while start < submissions.count {
            let end = min(start + chunk, submissions.count)
            reports += Self.grade(Array(submissions[start..<end]), with: grader)
            start = end
            io.writeError("\r" + ProgressBar.line(done: end, total: submissions.count, width: 30))
        }
        io.writeError("\r\u{1B}[K")
        return reports
    }

    /// Grades every submission, in parallel, keeping their order.
    static func grade(_ submissions: [Submission], with grader: Grader) -> [GradeReport] {
        let slots = UnsafeMutableBufferPointer<GradeReport?>.allocate(capacity: submissions.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        nonisolated(unsafe) let results = slots
        DispatchQueue.concurrentPerform(iterations: submissions.count) { i in
            let s = submissions[i]
            switch s.text {
            case .success(let text): results[i] = grader.grade(text, name: s.name)
            case .failure(let error):
                // Graded as a submission that cannot be read: every check fails, with the reason.
                let report = grader.ungraded(name: s.name, error: error, because: error.message)
                results[i] = report
            }
        }
        return slots.map { $0! }
    }

    /// The submissions at `path`: the file itself, or a folder's learners.
    private func collect(_ path: String) throws(CommandFailure) -> [Submission] {
        guard let entries = io.listDirectory(path) else {
            return [read(path, name: path)]
        }
        var out: [Submission] = []
        for entry in entries where !entry.name.hasPrefix(".") {
            let full = path == "." ? entry.name : (path.hasSuffix("/") ? path + entry.name : path + "/" + entry.name)
            if entry.isDirectory {
                let jsons = (io.listDirectory(full) ?? []).filter { !$0.isDirectory && $0.name.hasSuffix(".json") }
                if let file = jsons.first(where: { $0.name == "submission.json" }) ?? (jsons.count == 1 ? jsons.first : nil) {
                    out.append(read(full + "/" + file.name, name: entry.name))
                } else {
                    let why = jsons.isEmpty ? "no .json file" : "\(jsons.count) .json files and no submission.json"
                    out.append(Submission(name: entry.name, text: .failure(SubmissionError(message: "the folder has \(why)")), path: full))
                }
            } else if entry.name.hasSuffix(".json") {
                out.append(read(full, name: full))
            }
        }
        if out.isEmpty {
            throw .usage("'\(path)' holds no submissions (.json files or one folder per learner)", command: Self.name)
        }
        return out
    }

    private func read(_ path: String, name: String) -> Submission {
        do {
            let bytes = try io.readFile(path, limit: SourceFile.readLimit)
            switch UTF8Text.decode(bytes) {
            case .success(let text):
                return Submission(name: name, text: .success(text), path: path)
            case .failure(let bad):
                let error = SubmissionError(message: bad.message, line: bad.line, column: bad.column)
                return Submission(name: name, text: .failure(error), path: path)
            }
        } catch {
            return Submission(name: name, text: .failure(SubmissionError(message: "cannot read '\(path)': \(error.reason)")), path: path)
        }
    }
}
