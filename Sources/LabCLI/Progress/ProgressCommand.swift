import IAMPolicy
import LabKit

/// `kdslab progress`: every lab's status, best score, attempts and hints, in course order
/// (the REPL's `progress` shows the same table), and whether the attempt log is intact;
/// `--output json` is the versioned document of ``ProgressDocument``. `export FILE` and
/// `import FILE` move progress between machines. `--verify` only checks the log: the first
/// broken line by number, and what the check does and does not show
/// (``LogVerification/promise``).
///
/// Exits 0; 1 when the attempt log is not intact; 2 on bad usage or when the progress files
/// cannot be read.
struct ProgressCommand {
    /// Where output goes and the environment comes from.
    let io: CommandIO
    /// The course's labs in order, shown even when not started; labs with progress that are
    /// not in this list follow, by id. The course's, when empty.
    var knownLabs: [(id: String, title: String)] = []
    /// The course, when the caller has it loaded (the REPL); else the options choose it.
    var course: Course?

    /// The command's name in messages.
    static let name = "progress"

    /// The options `progress` and its subcommands accept.
    static let options: [OptionSpec] = [.value("--output"), .flag("--verify")] + ReplCommandLine.options

    /// Runs the command on the words after `progress`; returns the exit status.
    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        switch arguments.first {
        case "export": return try ProgressExportCommand(io: io).run(Array(arguments.dropFirst()))
        case "import": return try ProgressImportCommand(io: io).run(Array(arguments.dropFirst()))
        default: break
        }
        let parsed = try ArgumentScanner(command: Self.name, options: Self.options).scan(arguments)
        if let extra = parsed.positionals.first {
            throw .usage("unexpected argument '\(extra)' for '\(Self.name)' (its subcommands are export FILE and import FILE)",
                         command: Self.name)
        }
        let format = try OutputFormat.from(parsed, default: .text, command: Self.name)
        let course: Course
        if let given = self.course { course = given } else { course = try ReplCommandLine.loadCourse(parsed, io: io) }
        let store = try Self.store(io: io, courseID: course.manifest?.id)
        if parsed.has("--verify") { return try verify(store, format: format, style: TerminalStyle.resolve(io: io, arguments: parsed)) }
        let (state, verification, reading) = try Self.attempt {
            (try store.load(), try store.verifyLog(), try store.readingRecord())
        }
        Self.report(store.takeWarnings(), io: io)
        var command = self
        if command.knownLabs.isEmpty { command.knownLabs = course.labs.map { ($0.id, $0.definition.title) } }
        let rows = command.rows(state)
        switch format {
        case .json:
            let document = ProgressDocument(course: course, root: store.root, rows: rows, verification: verification, reading: reading)
            io.line(JSONWriter.string(document.json, pretty: true))
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
                ("log", ProgressDocument.log(verification)),
                ("promise", .string(LogVerification.promise)),
            ]), pretty: true))
        case .text:
            io.line(verification.isIntact ? verification.description : style.red(verification.description))
            io.line()
            io.line(LogVerification.promise)
        }
        return verification.isIntact ? 0 : 1
    }

    /// The labs to show with their titles and records.
    func rows(_ state: ProgressState) -> [ProgressRow] {
        let known = Set(knownLabs.map(\.id))
        return knownLabs.map { ProgressRow(id: $0.id, title: $0.title, progress: state[$0.id]) }
            + state.labs.keys.filter { !known.contains($0) }.sorted()
                .map { ProgressRow(id: $0, title: nil, progress: state[$0]) }
    }

    /// The store of the course with `courseID` (``ProgressLocation/folder(state:courseID:)``),
    /// or a failure saying which variables to set.
    static func store(io: CommandIO, courseID: String?) throws(CommandFailure) -> FileProgressStore {
        guard let state = ProgressLocation.resolve(environment: { io.environment($0) }) else {
            throw .usage("cannot tell where to keep progress: set KDSLAB_HOME, XDG_STATE_HOME or HOME")
        }
        return FileProgressStore(root: ProgressLocation.folder(state: state, courseID: courseID))
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
