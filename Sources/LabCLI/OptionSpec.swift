/// One option a command accepts.
struct OptionSpec: Equatable {
    /// The long name with its dashes, e.g. `--policy`.
    var name: String
    /// Whether the option takes a value (`--opt value` or `--opt=value`).
    var takesValue: Bool
    /// Whether it may be given more than once (the values collect in order).
    var repeatable: Bool

    /// An option with a value.
    static func value(_ name: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, takesValue: true, repeatable: repeatable)
    }

    /// A flag without a value.
    static func flag(_ name: String) -> OptionSpec {
        OptionSpec(name: name, takesValue: false, repeatable: true)
    }

    /// The options every command accepts.
    static let common: [OptionSpec] = [.flag("--no-color"), .flag("--help"), .flag("--version")]
}
