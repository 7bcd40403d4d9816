/// How a command prints its result: for people (`text`) or for programs (`json`).
enum OutputFormat: String, CaseIterable {
    case text, json

    /// Reads `--output`, falling back to `defaultFormat` when it is absent.
    static func from(_ arguments: ParsedArguments, default defaultFormat: OutputFormat,
                     command: String) throws(CommandFailure) -> OutputFormat {
        guard let raw = arguments.value("--output") else { return defaultFormat }
        guard let format = OutputFormat(rawValue: raw.lowercased()) else {
            throw .usage("invalid value '\(raw)' for '--output'; valid values: text, json", command: command)
        }
        return format
    }
}
