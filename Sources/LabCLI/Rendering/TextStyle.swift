/// How a piece of rendered text looks on a colour terminal; ignored when colour is off.
struct TextStyle: Hashable {
    /// A foreground colour (the ANSI SGR code).
    enum Colour: Int, Hashable {
        case red = 31, green = 32, yellow = 33, blue = 34, magenta = 35, cyan = 36
    }

    var bold = false
    var italic = false
    var underline = false
    var dim = false
    var colour: Colour?

    /// No styling.
    static let plain = TextStyle()

    /// The SGR parameters, e.g. `["1", "36"]`; empty for plain text.
    var sgrCodes: [String] {
        var codes: [String] = []
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if italic { codes.append("3") }
        if underline { codes.append("4") }
        if let colour { codes.append(String(colour.rawValue)) }
        return codes
    }
}
