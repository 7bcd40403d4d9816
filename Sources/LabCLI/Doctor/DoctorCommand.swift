#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import IAMPolicy
import LabKit

/// `kdslab doctor [--output text|json]`: what kdslab finds — the course, the state folder,
/// the pager, the editor, the terminal and its colour, and the aws CLI and boto3 that
/// `kdslab serve`'s real clients need — and what to do about each missing piece.
///
/// Exit statuses: 0 kdslab can run the course (missing extras are only reported); 1 the
/// course or the state folder is unusable; 2 bad usage.
struct DoctorCommand {
    let io: CommandIO
    /// Runs a shell command and returns its first line (injected by tests).
    var probe: (String, [String: String]) -> ProgramProbe.Answer = { ProgramProbe().run($0, environment: $1) }
    /// Whether a path may be written by this process (injected by tests).
    var isWritable: (String) -> Bool = { access($0, W_OK) == 0 }

    static let name = "doctor"
    /// The JSON document's schema and version.
    static let schema = "kdslab-doctor"
    static let schemaVersion = 1

    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: [.value("--output")] + ReplCommandLine.options).scan(arguments)
        if let extra = parsed.positionals.first {
            throw .usage("unexpected argument '\(extra)' for '\(Self.name)'", command: Self.name)
        }
        let format = try OutputFormat.from(parsed, default: .text, command: Self.name)
        let (courseCheck, course) = self.course(parsed)
        let checks = [courseCheck, stateFolder(course)] + [pager(), editor(), terminal(), colour(parsed), awsCLI(), boto3()]
        let healthy = !checks.contains { $0.status == .problem }
        switch format {
        case .json:
            io.line(JSONWriter.string(.object([
                ("schema", .string(Self.schema)),
                ("schemaVersion", .number(Self.schemaVersion)),
                ("kdslabVersion", .string(KdslabCommand.version)),
                ("ok", .bool(healthy)),
                ("checks", .array(checks.map(\.json))),
            ]), pretty: true))
        case .text:
            let style = TerminalStyle.resolve(io: io, arguments: parsed)
            let width = checks.map(\.name.count).max() ?? 0
            io.line("kdslab \(KdslabCommand.version)")
            for check in checks {
                let mark = switch check.status {
                case .ok: style.green("✔")
                case .missing: style.yellow("–")
                case .problem: style.red("✘")
                }
                io.line("\(mark) \(check.name.padding(to: width))  \(check.found)")
                if let fix = check.fix { io.line("  \(String(repeating: " ", count: width))  → \(fix)") }
            }
            io.line(healthy ? "kdslab can run the course." : style.red("kdslab cannot run the course as it is: see ✘ above."))
        }
        return healthy ? 0 : 1
    }

    /// The course the options choose, loaded.
    private func course(_ parsed: ParsedArguments) -> (DoctorCheck, Course?) {
        do {
            let location = try CourseLocator(parsed).locate(io: io)
            let course = try CourseLoader(io: io).load(location)
            let described = CourseDescription(location: location, manifest: course.manifest).text
            let counts = "\(course.lessons.lessons.count) lessons, \(course.labs.count) labs"
            guard course.warnings.isEmpty else {
                return (DoctorCheck(name: "course", status: .ok, found: "\(described): \(counts), \(course.warnings.count) warnings",
                                    fix: "`kdslab lab validate\(location.isBuiltIn ? " --course built-in" : "")` lists them"), course)
            }
            return (DoctorCheck(name: "course", status: .ok, found: "\(described): \(counts)"), course)
        } catch {
            return (DoctorCheck(name: "course", status: .problem, found: error.lines[0].replacingPrefix("kdslab: "),
                                fix: "fix or unset the option or variable named, or give --course DIR (--course built-in is the course inside kdslab)"), nil)
        }
    }

    /// The course's progress folder: where it is, whether it can be written, its log.
    private func stateFolder(_ course: Course?) -> DoctorCheck {
        let name = "state folder"
        guard let state = ProgressLocation.resolve(environment: { io.environment($0) }) else {
            return DoctorCheck(name: name, status: .problem, found: "none: KDSLAB_HOME, XDG_STATE_HOME and HOME are all unset",
                               fix: "set KDSLAB_HOME to a folder for kdslab's progress, e.g. export KDSLAB_HOME=~/.kdslab")
        }
        let folder = ProgressLocation.folder(state: state, courseID: course?.manifest?.id)
        // The nearest folder that exists must be writable for kdslab to make the rest.
        var existing = folder
        while !io.isDirectory(existing), existing != "/", existing != "." { existing = CourseLocator.parent(of: existing) }
        guard isWritable(existing) else {
            return DoctorCheck(name: name, status: .problem, found: "\(folder): \(existing) cannot be written",
                               fix: "make \(existing) writable, or set KDSLAB_HOME to a folder you can write")
        }
        guard existing == folder else {
            return DoctorCheck(name: name, status: .ok, found: "\(folder) (made at the first save)")
        }
        do {
            let verification = try FileProgressStore(root: folder).verifyLog()
            guard verification.isIntact else {
                return DoctorCheck(name: name, status: .ok, found: "\(folder): \(verification.description)",
                                   fix: "`kdslab progress --verify` says more")
            }
            return DoctorCheck(name: name, status: .ok, found: "\(folder): \(verification.description)")
        } catch {
            return DoctorCheck(name: name, status: .problem, found: "\(folder): \(error)",
                               fix: "make the folder's files readable and writable, or set KDSLAB_HOME to another folder")
        }
    }

    private func pager() -> DoctorCheck {
        let pager = io.environment("PAGER") ?? "less"
        let trimmed = pager.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "cat" {
            return DoctorCheck(name: "pager", status: .ok, found: "none (PAGER=\(pager)): lessons are printed whole")
        }
        guard ProgramLookup.mayRun(trimmed, searchPath: io.environment("PATH")) else {
            return DoctorCheck(name: "pager", status: .missing, found: "`\(trimmed)` (\(io.environment("PAGER") == nil ? "the default" : "PAGER")) is not on PATH: long lessons are printed whole",
                               fix: "install less, or set PAGER to a pager you have (PAGER=cat turns paging off)")
        }
        return DoctorCheck(name: "pager", status: .ok, found: "`\(trimmed)`\(io.environment("PAGER") == nil ? " (the default)" : " (PAGER)")")
    }

    private func editor() -> DoctorCheck {
        var (editor, source) = ("vi", "the default")
        for name in ["EDITOR", "VISUAL"] {
            if let value = io.environment(name), !value.isEmpty { (editor, source) = (value, name) }
        }
        guard ProgramLookup.mayRun(editor, searchPath: io.environment("PATH")) else {
            return DoctorCheck(name: "editor", status: .missing, found: "`\(editor)` (\(source)) is not on PATH: `edit` cannot open your draft",
                               fix: "set EDITOR to an editor you have (export EDITOR=nano), or type and paste drafts with `paste`")
        }
        return DoctorCheck(name: "editor", status: .ok, found: "`\(editor)` (\(source))")
    }

    private func terminal() -> DoctorCheck {
        let term = io.environment("TERM").map { "TERM=\($0)" } ?? "TERM unset"
        guard io.outputIsTerminal else {
            return DoctorCheck(name: "terminal", status: .ok, found: "standard output is not a terminal (\(term)): plain text, "
                               + "\(TerminalSize.knownWidth(io: io).map { "\($0) columns (COLUMNS)" } ?? "lines not wrapped")")
        }
        let size = TerminalSize.current(io: io)
        let line = "\(size.columns)×\(size.rows), \(term)\(io.inputIsTerminal ? "" : "; input is not a terminal (no line editor)")"
        if io.environment("TERM") == "dumb" {
            return DoctorCheck(name: "terminal", status: .ok, found: line + ": no cursor movement, the terminal's own line editing")
        }
        guard size.columns >= 60 else {
            return DoctorCheck(name: "terminal", status: .missing, found: line + ": narrower than 60 columns",
                               fix: "widen the window to 80 columns or more for tables and lessons")
        }
        return DoctorCheck(name: "terminal", status: .ok, found: line)
    }

    private func colour(_ parsed: ParsedArguments) -> DoctorCheck {
        let enabled = TerminalStyle.resolve(io: io, arguments: parsed).enabled
        let why: String
        if enabled {
            why = "on"
        } else if !(io.environment("NO_COLOR") ?? "").isEmpty {
            why = "off: NO_COLOR is set"
        } else if parsed.has("--no-color") {
            why = "off: --no-color"
        } else if !io.outputIsTerminal {
            why = "off: standard output is not a terminal"
        } else {
            why = "off: TERM=dumb"
        }
        return DoctorCheck(name: "colour", status: .ok, found: why)
    }

    /// The environment handed to a probed program.
    private var probeEnvironment: [String: String] {
        var out: [String: String] = ["AWS_PAGER": ""]
        for name in ["PATH", "HOME", "LANG", "LC_ALL", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYENV_ROOT", "PYENV_VERSION"] {
            if let value = io.environment(name) { out[name] = value }
        }
        if out["PATH"] == nil { out["PATH"] = "/usr/bin:/bin" }
        return out
    }

    private func awsCLI() -> DoctorCheck {
        let name = "aws CLI"
        let fix = "only `kdslab serve` with the real aws CLI needs it: python3 -m pip install awscli (or AWS's installer)"
        guard ProgramLookup.canFind("aws", searchPath: io.environment("PATH")) else {
            return DoctorCheck(name: name, status: .missing, found: "`aws` is not on PATH", fix: fix)
        }
        switch probe("aws --version", probeEnvironment) {
        case .answered(let line): return DoctorCheck(name: name, status: .ok, found: line)
        case .failed(let status, let output):
            return DoctorCheck(name: name, status: .missing, found: "`aws --version` failed (exit \(status)): \(output)", fix: fix)
        case .notRun: return DoctorCheck(name: name, status: .missing, found: "`aws --version` did not run", fix: fix)
        }
    }

    private func boto3() -> DoctorCheck {
        let name = "boto3"
        let fix = "only `kdslab serve` with Python clients needs it: python3 -m pip install boto3"
        guard ProgramLookup.canFind("python3", searchPath: io.environment("PATH")) else {
            return DoctorCheck(name: name, status: .missing, found: "`python3` is not on PATH", fix: fix)
        }
        switch probe("python3 -c 'import boto3; print(\"boto3\", boto3.__version__)'", probeEnvironment) {
        case .answered(let line): return DoctorCheck(name: name, status: .ok, found: line)
        case .failed, .notRun: return DoctorCheck(name: name, status: .missing, found: "python3 cannot import boto3", fix: fix)
        }
    }
}

private extension String {
    /// `self` without `prefix` at its start.
    func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }

    /// `self` padded with spaces to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
