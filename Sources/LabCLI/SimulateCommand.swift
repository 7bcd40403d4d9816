import IAMPolicy

/// `kdslab policy simulate`: the AWS CLI's `--cli-input-json` form, or the convenience form
/// with `--policy`, `--action`, `--resource` and `--context`.
struct SimulateCommand {
    /// Where input comes from and output goes.
    let io: CommandIO

    /// The command's name in messages.
    static let name = "policy simulate"

    /// The options it accepts.
    static let options: [OptionSpec] = [
        .value("--cli-input-json"), .value("--output"),
        .value("--policy", repeatable: true), .value("--action", repeatable: true),
        .value("--resource", repeatable: true), .value("--context", repeatable: true),
        .value("--resource-policy"), .value("--boundary"), .value("--caller"),
    ]

    /// Options of the convenience form only.
    static let convenienceOptions = ["--policy", "--action", "--resource", "--context",
                                     "--resource-policy", "--boundary", "--caller"]

    /// Runs the command on the words after `policy simulate`; returns the exit status.
    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: Self.options).scan(arguments)
        if let extra = parsed.positionals.first {
            throw .usage("unexpected argument '\(extra)' for '\(Self.name)'", command: Self.name)
        }
        let style = TerminalStyle.resolve(io: io, arguments: parsed)
        if let path = parsed.value("--cli-input-json") {
            if let mixed = Self.convenienceOptions.first(where: { parsed.values[$0] != nil }) {
                throw .usage("'--cli-input-json' cannot be combined with '\(mixed)'", command: Self.name)
            }
            let format = try OutputFormat.from(parsed, default: .json, command: Self.name)
            return try runCLIInput(path, format: format, style: style)
        }
        let format = try OutputFormat.from(parsed, default: .text, command: Self.name)
        return try runConvenience(parsed, format: format, style: style)
    }

    /// Reads and parses a policy file as `type`, or fails with the position and a caret.
    func attach(_ path: String, type: PolicyType) throws(CommandFailure) -> (AttachedPolicy, SourceFile) {
        let file = try SourceFile.load(path, io: io)
        do {
            return (try AttachedPolicy(id: file.name, text: file.text, type: type), file)
        } catch {
            throw CommandFailure(lines: error.report(file: file.name, text: file.text))
        }
    }

    /// Writes the verdicts as text or as `{"results": [...]}`.
    func write(_ verdicts: [Verdict], sources: [String: String], format: OutputFormat, style: TerminalStyle) {
        switch format {
        case .text:
            io.writeOutput(VerdictRenderer(style: style, sources: sources).render(verdicts))
        case .json:
            io.line(JSONWriter.string(Verdict.document(verdicts), pretty: true))
        }
    }
}
