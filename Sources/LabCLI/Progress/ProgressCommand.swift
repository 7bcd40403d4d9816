import IAMPolicy
import LabKit

/// `kdslab progress`: every lab's status, best score, attempts and hints, in course order
/// when the course can be found (the REPL's `progress` shows the same table), and whether
/// the attempt log is intact. `--verify` only checks the log: the first broken line by
/// number, and what the check does and does not show (``LogVerification/promise``).
///
/// Exits 0; 1 when the attempt log is not intact; 2 on bad usage or when the progress files
/// cannot be read.
struct ProgressCommand {
    /// Where output goes and the environment comes from.
    let io: CommandIO
    /// The course's labs in order, shown even when not started; labs with progress that are
    /// not in this list follow, by id.
    var knownLabs: [(id: String, title: String)] = []

    /// The command's name in messages.
    static let name = "progress"

    /// Runs the command on the words after `progress`; returns the exit status.
    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: [.value("--output"), .flag("--verify")] + ReplCommandLine.options)
            .scan(arguments)
        if let extra = parsed.positionals.first {
            throw .usage("unexpected argument '\(extra)' for '\(Self.name)'", command: Self.name)
        }
        let format = try OutputFormat.from(parsed, default: .text, command: Self.name)
        let store = try Self.store(io: io)
        if parsed.has("--verify") { return try verify(store, format: format, style: TerminalStyle.resolve(io: io, arguments: parsed)) }
        let (state, verification) = try Self.attempt {
            (try store.load(), try store.verifyLog())
        }
        Self.report(store.takeWarnings(), io: io)
        var command = self
        if command.knownLabs.isEmpty { command.knownLabs = Self.courseLabs(parsed, io: io) }
        let rows = command.rows(state)
        switch format {
        case .json:
            io.line(JSONWriter.string(document(rows, verification, root: store.root), pretty: true))
        case .text:
            let width = TerminalSize.knownWidth(io: io) ?? TerminalSize.unbounded
            ProgressRenderer(style: TerminalStyle.resolve(io: io, arguments: parsed), width: width)
                .render(rows, verification: verification, root: store.root)
                .flatMap { TextWrapper(width: width).wrapLine($0) }.forEach { io.line($0) }
        }
        return verification.isIntact ? 0 : 1
    }

    /// `--verify`: the log check alone, then what it promises.
    private func verify(_ store: FileProgressStore, format: OutputFormat, style: TerminalStyle) throws(CommandFailure) -> Int32 {
        let verification = try Self.attempt { try store.verifyLog() }
        switch format {
        case .json:
            io.line(JSONWriter.string(.object([
                ("home", .string(store.root)),
                ("log", Self.logDocument(verification)),
                ("promise", .string(LogVerification.promise)),
            ]), pretty: true))
        case .text:
            io.line(verification.isIntact ? verification.description : style.red(verification.description))
            io.line()
            io.line(LogVerification.promise)
        }
        return verification.isIntact ? 0 : 1
    }

    /// The course, when it can be found (`--labs`/`--content`, the environment, or the
    /// folders around); `nil` otherwise.
    static func course(_ parsed: ParsedArguments, io: CommandIO) -> Course? {
        guard let location = try? CourseLocator(labsFlag: parsed.value("--labs"), contentFlag: parsed.value("--content")).locate(io: io)
        else { return nil }
        return try? CourseLoader(io: io).load(location)
    }

    /// The course's labs in order, as the REPL lists them; none without a course.
    static func courseLabs(_ parsed: ParsedArguments, io: CommandIO) -> [(id: String, title: String)] {
        course(parsed, io: io)?.labs.map { ($0.id, $0.definition.title) } ?? []
    }

    /// The labs to show with their titles and records.
    func rows(_ state: ProgressState) -> [ProgressRow] {
        let known = Set(knownLabs.map(\.id))
        return knownLabs.map { ProgressRow(id: $0.id, title: $0.title, progress: state[$0.id]) }
            + state.labs.keys.filter { !known.contains($0) }.sorted()
                .map { ProgressRow(id: $0, title: nil, progress: state[$0]) }
    }

    private func document(_ rows: [ProgressRow], _ verification: LogVerification, root: String) -> JSONValue {
        let labs: [JSONValue] = rows.map { row in
            let p = row.progress
            return .object([
                ("id", .string(row.id)),
                ("title", row.title.map { .string($0) } ?? .null),
                ("status", .string(p.status.rawValue)),
                ("bestScore", p.bestScore.map { .number($0) } ?? .null),
                ("maxScore", p.maxScore.map { .number($0) } ?? .null),
                ("attempts", .number(p.attempts)),
                ("lastAttemptAt", p.lastAttemptAt.map { .string($0.iso8601) } ?? .null),
                ("hintsUsed", .number(p.hintsUsed)),
                ("solutionViewed", .bool(p.solutionViewed)),
                ("passedAt", p.passedAt.map { .string($0.iso8601) } ?? .null),
            ])
        }
        return .object([("home", .string(root)), ("labs", .array(labs)), ("log", Self.logDocument(verification))])
    }

    /// The log check as JSON.
    private static func logDocument(_ verification: LogVerification) -> JSONValue {
        var log: [(String, JSONValue)] = [("intact", .bool(verification.isIntact))]
        switch verification {
        case .intact(let n):
            log += [("lines", .number(n)), ("unfinishedLastLine", .bool(false))]
        case .tornTail(let n):
            log += [("lines", .number(n)), ("unfinishedLastLine", .bool(true))]
        case .broken(let line, let problem):
            log += [("brokenAtLine", .number(line)), ("problem", .string(problem.description))]
        }
        return .object(log)
    }

    /// The store at the resolved location, or a failure saying which variables to set.
    static func store(io: CommandIO) throws(CommandFailure) -> FileProgressStore {
        guard let root = ProgressLocation.resolve(environment: { io.environment($0) }) else {
            throw .usage("cannot tell where to keep progress: set KDSLAB_HOME, XDG_STATE_HOME or HOME")
        }
        return FileProgressStore(root: root)
    }

    /// Runs `body`, turning store errors into a one-line failure.
    static func attempt<T>(_ body: () throws -> T) throws(CommandFailure) -> T {
        do {
            return try body()
        } catch let error as ProgressStoreError {
            throw .usage(error.description)
        } catch {
            throw .usage("\(error)")
        }
    }

    /// Prints the store's repairs on standard error.
    static func report(_ warnings: [ProgressWarning], io: CommandIO) {
        for warning in warnings { io.errorLine("kdslab: warning: \(warning)") }
    }
}
