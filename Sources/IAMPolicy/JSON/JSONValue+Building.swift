/// Builders for values made in code rather than read from text (for example the CLI's
/// AWS-shaped output). Their ranges are empty, at `SourcePosition.start`.
extension JSONValue {
    /// The empty range that built values carry.
    private static let builtRange = SourceRange(at: .start)

    /// A string value.
    public static func string(_ value: String) -> JSONValue {
        JSONValue(.string(value), range: builtRange)
    }

    /// A number value from an integer.
    public static func number(_ value: Int) -> JSONValue {
        JSONValue(.number(String(value)), range: builtRange)
    }

    /// A number value from its literal text, which must follow JSON's number grammar
    /// (`12`, `-0.5`, `1e3`); it is written out verbatim.
    public static func number(literal: String) -> JSONValue {
        JSONValue(.number(literal), range: builtRange)
    }

    /// A boolean value.
    public static func bool(_ value: Bool) -> JSONValue {
        JSONValue(.bool(value), range: builtRange)
    }

    /// The null value.
    public static var null: JSONValue {
        JSONValue(.null, range: builtRange)
    }

    /// An array of `elements`, in order.
    public static func array(_ elements: [JSONValue]) -> JSONValue {
        JSONValue(.array(elements), range: builtRange)
    }

    /// An object with `members` in the given order (so output key order is stable).
    public static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        JSONValue(
            .object(members.map { JSONMember(key: $0.0, keyRange: builtRange, value: $0.1) }),
            range: builtRange)
    }

    /// The same value with every range (and key range) reset to the built, empty one:
    /// lets two values be compared by content alone.
    public var withoutRanges: JSONValue {
        switch kind {
        case .array(let elements):
            return .array(elements.map(\.withoutRanges))
        case .object(let members):
            return JSONValue(
                .object(members.map {
                    JSONMember(key: $0.key, keyRange: Self.builtRange, value: $0.value.withoutRanges)
                }),
                range: Self.builtRange)
        default:
            return JSONValue(kind, range: Self.builtRange)
        }
    }
}
