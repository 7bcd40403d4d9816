/// Reads a command's arguments against the options it accepts.
///
/// Options are `--name value` or `--name=value`; repeatable ones collect; `--` ends the
/// options. A value is taken as it is, even when it starts with `-` (`--cli-input-json -`).
struct ArgumentScanner {
    /// The command's name for messages, e.g. `policy validate`.
    var command: String
    /// The options it accepts (``OptionSpec/common`` is added).
    var options: [OptionSpec]

    /// Creates a scanner.
    init(command: String, options: [OptionSpec]) {
        self.command = command
        self.options = options + OptionSpec.common
    }

    /// Scans `arguments` (the words after the command's name).
    func scan(_ arguments: [String]) throws(CommandFailure) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            var name = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            guard let spec = options.first(where: { $0.name == name }) else {
                throw .usage("unknown option '\(name)' for '\(command)'", command: command)
            }
            if !spec.takesValue {
                if inlineValue != nil {
                    throw .usage("option '\(name)' takes no value", command: command)
                }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw .usage("option '\(name)' needs a value", command: command)
            }
            if !spec.repeatable && parsed.values[name] != nil {
                throw .usage("option '\(name)' was given more than once", command: command)
            }
            parsed.values[name, default: []].append(value)
        }
        return parsed
    }
}
