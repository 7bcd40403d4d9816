/// A command's arguments after scanning: option values by name, flags, positionals.
struct ParsedArguments: Equatable {
    /// Values of options that take one, in the order given.
    var values: [String: [String]] = [:]
    /// Flags that were given.
    var flags: Set<String> = []
    /// Arguments that are not options, in order.
    var positionals: [String] = []

    /// The last value of `name`, if given.
    func value(_ name: String) -> String? {
        values[name]?.last
    }

    /// Every value of a repeatable option.
    func all(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// Whether the flag `name` was given.
    func has(_ name: String) -> Bool {
        flags.contains(name)
    }
}
