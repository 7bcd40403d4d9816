/// `kdslab [--labs DIR] [--content DIR] [--no-color]`: finds and loads the course, opens
/// the progress store and runs the REPL.
struct ReplCommandLine {
    let io: CommandIO

    /// The options the REPL (and `watch`) accept.
    static let options: [OptionSpec] = [.value("--labs"), .value("--content")]

    /// Runs the REPL with the flags in `arguments`; returns the exit status.
    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: "", options: Self.options).scan(arguments)
        if let extra = parsed.positionals.first {
            throw .usage("unknown command '\(extra)'", command: "")
        }
        let course = try Self.loadCourse(parsed, io: io)
        let store = try ProgressCommand.store(io: io)
        let style = TerminalStyle.resolve(io: io, arguments: parsed)
        let interactive = io.inputIsTerminal && io.outputIsTerminal
        let input: ReplInput = interactive
            ? TerminalInput(completer: ReplCompleter(labs: course.labIDs, lessons: course.lessons.lessons.map(\.id)))
            : PipedInput(io: io)
        let repl = Repl(io: io, course: course, store: store, style: style, input: input,
                        noColorFlag: parsed.has("--no-color"))
        return repl.run()
    }

    /// The course named by `--labs`/`--content` (or found), loaded.
    static func loadCourse(_ parsed: ParsedArguments, io: CommandIO) throws(CommandFailure) -> Course {
        let location = try CourseLocator(labsFlag: parsed.value("--labs"), contentFlag: parsed.value("--content")).locate(io: io)
        return try CourseLoader(io: io).load(location)
    }
}
