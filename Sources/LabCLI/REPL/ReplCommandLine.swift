/// `kdslab [--course DIR | --labs DIR] [--content DIR] [--no-color]`: finds and loads the
/// course, opens its progress store and runs the REPL.
struct ReplCommandLine {
    let io: CommandIO

    /// The options that choose the course, which the REPL, `watch`, `progress` and `reset` accept.
    static let options: [OptionSpec] = [.value("--labs"), .value("--content"), .value("--course")]

    /// Runs the REPL with the flags in `arguments`; returns the exit status.
    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: "", options: Self.options).scan(arguments)
        if let extra = parsed.positionals.first {
            throw .usage("unknown command '\(extra)'", command: "")
        }
        let course = try Self.loadCourse(parsed, io: io)
        let store = try ProgressCommand.store(io: io, courseID: course.manifest?.id)
        let style = TerminalStyle.resolve(io: io, arguments: parsed)
        // The line editor needs a terminal on both sides that can move its cursor; a dumb
        // terminal gets the prompt and its own line editing; a pipe gets neither.
        let input: ReplInput
        if RawTerminal.isInteractive(inputIsTerminal: io.inputIsTerminal, outputIsTerminal: io.outputIsTerminal,
                                     term: io.environment("TERM")) {
            input = TerminalInput(completer: ReplCompleter(labs: course.labIDs, lessons: course.lessons.lessons.map(\.id)),
                                  historyFile: HistoryFile(root: store.root))
        } else if io.inputIsTerminal && io.outputIsTerminal {
            input = PromptedInput(io: io)
        } else {
            input = PipedInput(io: io)
        }
        let repl = Repl(io: io, course: course, store: store, style: style, input: input,
                        noColorFlag: parsed.has("--no-color"))
        return repl.run()
    }

    /// The course the options choose (``CourseLocator``), loaded.
    static func loadCourse(_ parsed: ParsedArguments, io: CommandIO) throws(CommandFailure) -> Course {
        try CourseLoader(io: io).load(try CourseLocator(parsed).locate(io: io))
    }
}
