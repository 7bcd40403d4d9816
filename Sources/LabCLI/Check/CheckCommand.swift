import IAMPolicy

/// `kdslab policy check-no-new-access`, `check-access-not-granted` and
/// `check-no-public-access`: Access Analyzer's custom policy checks, offline. Each takes the
/// AWS CLI's `--cli-input-json` or a convenience form with policy files.
///
/// Exits 0 on PASS, 1 on FAIL (an answer the analysis could not decide included), 2 on bad
/// usage or malformed input.
struct CheckCommand {
    /// Where input comes from and output goes.
    let io: CommandIO
    /// Which check.
    let check: CustomPolicyCheck

    /// The command's name in messages: `policy check-no-new-access`.
    var name: String { "policy \(check.commandName)" }

    /// Options of the convenience form, by check.
    static func convenienceOptions(_ check: CustomPolicyCheck) -> [OptionSpec] {
        switch check {
        case .noNewAccess: [.value("--existing"), .value("--new"), .value("--policy-type")]
        case .accessNotGranted: [.value("--policy"), .value("--action", repeatable: true), .value("--resource", repeatable: true),
                                 .value("--policy-type")]
        case .noPublicAccess: [.value("--policy"), .value("--resource-type")]
        }
    }

    /// A policy the check reads, under the name messages give it.
    struct Document {
        var name: String
        var text: String
    }

    /// Runs the command on the words after `policy check-...`; returns the exit status.
    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let convenience = Self.convenienceOptions(check)
        let parsed = try ArgumentScanner(command: name, options: [.value("--cli-input-json"), .value("--output")] + convenience)
            .scan(arguments)
        if let extra = parsed.positionals.first {
            throw .usage("unexpected argument '\(extra)' for '\(name)'", command: name)
        }
        let style = TerminalStyle.resolve(io: io, arguments: parsed)
        let documents: [String: Document]
        let result: PolicyCheckResult
        let format: OutputFormat
        if let path = parsed.value("--cli-input-json") {
            if let mixed = convenience.first(where: { parsed.values[$0.name] != nil }) {
                throw .usage("'--cli-input-json' cannot be combined with '\(mixed.name)'", command: name)
            }
            format = try OutputFormat.from(parsed, default: .json, command: name)
            (documents, result) = try runCLIInput(path)
        } else {
            format = try OutputFormat.from(parsed, default: .text, command: name)
            (documents, result) = try runConvenience(parsed)
        }
        switch format {
        case .json:
            io.line(JSONWriter.string(result.jsonValue, pretty: true))
        case .text:
            io.writeOutput(PolicyCheckRenderer(style: style, check: check, documents: documents).render(result))
        }
        return result.passed ? 0 : 1
    }

    /// `--cli-input-json FILE|-`: the input of `aws accessanalyzer check-...`.
    func runCLIInput(_ path: String) throws(CommandFailure) -> ([String: Document], PolicyCheckResult) {
        let bytes = try SourceFile.bytes(path, io: io)
        let root: JSONValue
        do {
            root = try JSONReader(limits: SimulateCommand.inputLimits).read(bytes: bytes)
        } catch {
            throw CommandFailure(lines: error.report(file: SourceFile.displayName(path), text: String(decoding: bytes, as: UTF8.self)))
        }
        var documents: [String: Document] = [:]
        do {
            let input = try CustomPolicyCheckInput(cliInputJSON: root, check: check)
            for (member, text) in input.documents { documents[member] = Document(name: member, text: text) }
            return (documents, try CustomPolicyChecks().run(input))
        } catch {
            var lines = [error.description]
            if let (member, parseError) = error.policyError, let text = documents[member]?.text {
                lines += SourceExcerpt(text).underlined(SourceRange(at: parseError.range.start), maxLines: 1, style: .plain) { $0 }
            }
            throw CommandFailure(lines: lines)
        }
    }

    /// Runs a check on files read by the convenience form; a malformed policy fails with
    /// `FILE:LINE:COLUMN` and a caret, any other refusal with the check's message.
    func outcome(_ documents: [String: Document],
                 _ body: () throws(CustomPolicyCheckError) -> PolicyCheckResult) throws(CommandFailure) -> ([String: Document], PolicyCheckResult) {
        do {
            return (documents, try body())
        } catch {
            if let (member, parseError) = error.policyError, let document = documents[member] {
                throw CommandFailure(lines: parseError.report(file: document.name, text: document.text))
            }
            throw .usage(error.message, command: name)
        }
    }
}
