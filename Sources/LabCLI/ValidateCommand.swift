import IAMPolicy

/// `kdslab policy validate FILE`: Access Analyzer's ValidatePolicy findings for one policy.
///
/// Exits 1 when a finding is an ERROR or SECURITY_WARNING, else 0; 2 on bad usage or
/// unreadable input.
struct ValidateCommand {
    /// Where input comes from and output goes.
    let io: CommandIO

    /// The command's name in messages.
    static let name = "policy validate"

    /// Runs the command on the words after `policy validate`; returns the exit status.
    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: [.value("--policy-type"), .value("--output")])
            .scan(arguments)
        guard let path = parsed.positionals.first else {
            throw .usage("give the policy file to validate, e.g. kdslab policy validate policy.json", command: Self.name)
        }
        if parsed.positionals.count > 1 {
            throw .usage("unexpected argument '\(parsed.positionals[1])' for '\(Self.name)'", command: Self.name)
        }
        let type = try Self.policyType(parsed.value("--policy-type"))
        let format = try OutputFormat.from(parsed, default: .text, command: Self.name)
        let style = TerminalStyle.resolve(io: io, arguments: parsed)
        let file = try SourceFile.load(path, io: io)

        let findings = PolicyValidator().validate(file.text, type: type)
        switch format {
        case .json:
            io.line(JSONWriter.string(Finding.response(findings), pretty: true))
        case .text:
            io.writeOutput(FindingRenderer(style: style, file: file).render(findings))
        }
        let failing = findings.contains { $0.findingType == .error || $0.findingType == .securityWarning }
        return failing ? 1 : 0
    }

    /// Reads `--policy-type`: Access Analyzer's names, or without `_POLICY`, in any case.
    static func policyType(_ raw: String?) throws(CommandFailure) -> PolicyType {
        guard let raw else { return .identity }
        if let type = PolicyType(name: raw) ?? PolicyType(name: raw + "_POLICY") { return type }
        let valid = PolicyType.allCases.map(\.rawValue).joined(separator: ", ")
        throw .usage("invalid value '\(raw)' for '--policy-type'; valid values: \(valid)", command: name)
    }
}
