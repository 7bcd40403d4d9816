/// ANSI styling for standard output, or none at all.
///
/// Colour is used only when standard output is a terminal that is not `TERM=dumb`,
/// `NO_COLOR` is unset or empty (https://no-color.org) and `--no-color` was not given.
struct TerminalStyle: Equatable {
    /// Whether escape sequences are written.
    var enabled: Bool

    /// The decision, as a pure function of its inputs.
    static func isEnabled(outputIsTerminal: Bool, noColor: String?, noColorFlag: Bool, term: String? = nil) -> Bool {
        outputIsTerminal && (noColor ?? "").isEmpty && !noColorFlag && term != "dumb"
    }

    /// The style for a command run through `io` with `arguments`.
    static func resolve(io: CommandIO, arguments: ParsedArguments) -> TerminalStyle {
        TerminalStyle(enabled: isEnabled(
            outputIsTerminal: io.outputIsTerminal, noColor: io.environment("NO_COLOR"),
            noColorFlag: arguments.has("--no-color"), term: io.environment("TERM")))
    }

    /// No styling.
    static let plain = TerminalStyle(enabled: false)

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func magenta(_ s: String) -> String { wrap(s, "35") }
    func cyan(_ s: String) -> String { wrap(s, "36") }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
