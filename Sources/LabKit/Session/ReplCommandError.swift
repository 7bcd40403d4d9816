/// Why a line typed at the prompt is not a command.
public enum ReplCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The first word names no command; `suggestion` is the likely one.
    case unknownCommand(String, suggestion: String?)
    /// The command needs more arguments.
    case missingArgument(command: String, usage: String)
    /// An argument the command does not take.
    case unexpectedArgument(command: String, argument: String, usage: String)
    /// A word that opens a clause (`as`, `over`) with nothing after it.
    case missingValue(command: String, after: String, expected: String, usage: String)
    /// A clause given twice.
    case repeatedArgument(command: String, argument: String, usage: String)

    /// One line for the learner.
    public var description: String {
        switch self {
        case .unknownCommand(let word, let suggestion):
            "unknown command `\(word)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "; type `help` for the commands")
        case .missingArgument(let command, let usage):
            "`\(command)` needs more: \(usage)"
        case .unexpectedArgument(let command, let argument, let usage):
            "`\(command)` does not take `\(argument)`: \(usage)"
        case .missingValue(_, let after, let expected, let usage):
            "`\(after)` needs \(expected) after it: \(usage)"
        case .repeatedArgument(let command, let argument, let usage):
            "`\(command)` takes `\(argument)` once: \(usage)"
        }
    }
}
