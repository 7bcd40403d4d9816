import IAMPolicy

/// One `--context KEY=TYPE:VALUE[,VALUE...]` (or `KEY=VALUE`, a string) argument.
struct ContextArgument: Equatable {
    /// The context key, e.g. `aws:SecureTransport`.
    var key: String
    /// Its typed value(s).
    var value: ContextValue

    /// Reads one argument. `TYPE` is a ``ContextKeyType`` raw value (any case); list types
    /// split the values on commas. Without a known `TYPE:` prefix the whole text is a string,
    /// so `aws:SourceArn=arn:aws:kinesis:...` needs no type.
    init(parsing text: String) throws(CommandFailure) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw .usage("invalid value '\(text)' for '--context'; expected KEY=TYPE:VALUE or KEY=VALUE",
                         command: "policy simulate")
        }
        key = String(text[..<equals])
        let rest = text[text.index(after: equals)...]
        var type = ContextKeyType.string
        var values = String(rest)
        if let colon = rest.firstIndex(of: ":") {
            let name = rest[..<colon].lowercased()
            if let t = ContextKeyType.allCases.first(where: { $0.rawValue.lowercased() == name }) {
                type = t
                values = String(rest[rest.index(after: colon)...])
            }
        }
        let list = type.isList ? values.split(separator: ",", omittingEmptySubsequences: false).map(String.init) : [values]
        value = ContextValue(type: type, values: list)
    }

    /// The request context holding every argument; a key given twice is an error.
    static func context(_ texts: [String]) throws(CommandFailure) -> RequestContext {
        var context = RequestContext()
        for text in texts {
            let argument = try ContextArgument(parsing: text)
            if context[argument.key] != nil {
                throw .usage("context key '\(argument.key)' was given more than once; give a list type for several values, e.g. \(argument.key)=stringList:a,b",
                             command: "policy simulate")
            }
            context[argument.key] = argument.value
        }
        return context
    }
}
