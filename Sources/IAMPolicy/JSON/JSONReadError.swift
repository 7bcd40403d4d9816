/// Why a text is not the JSON we accept, and where.
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var reason: Reason
    /// Where: the first offending character (or the end of input).
    public var position: SourcePosition

    /// Creates an error.
    public init(_ reason: Reason, at position: SourcePosition) {
        self.reason = reason
        self.position = position
    }

    /// The kinds of failure.
    public enum Reason: Sendable, Equatable {
        /// The input is larger than the limit (bytes, limit).
        case tooLarge(bytes: Int, limit: Int)
        /// Arrays/objects nest deeper than the limit.
        case tooDeep(limit: Int)
        /// The input holds no value at all.
        case empty
        /// The input ended inside a value; `expected` says what was wanted.
        case unexpectedEnd(expected: String)
        /// A character that cannot stand here; `found` is printable, `expected` says what could.
        case unexpectedCharacter(found: String, expected: String)
        /// Text after the single top-level value.
        case trailingContent
        /// A string holds a raw control character (U+0000–U+001F).
        case controlCharacterInString
        /// A backslash escape JSON does not define.
        case invalidEscape(String)
        /// A `\u` escape that is malformed or a lone surrogate.
        case invalidUnicodeEscape(String)
        /// Bytes that are not valid UTF-8.
        case invalidUTF8
        /// A number that does not follow JSON's grammar (`01`, `1.`, `-`, `.5`).
        case invalidNumber(String)
    }

    /// A one-line message, without the position (callers add `file:line:column`).
    public var message: String {
        switch reason {
        case .tooLarge(let bytes, let limit):
            "input is \(bytes) bytes; the limit is \(limit) bytes"
        case .tooDeep(let limit):
            "arrays and objects nest deeper than \(limit) levels"
        case .empty:
            "no JSON value found (the input is empty)"
        case .unexpectedEnd(let expected):
            "unexpected end of input; expected \(expected)"
        case .unexpectedCharacter(let found, let expected):
            "unexpected \(found); expected \(expected)"
        case .trailingContent:
            "unexpected text after the end of the JSON value"
        case .controlCharacterInString:
            "control character inside a string (write it as an escape such as \\n)"
        case .invalidEscape(let e):
            "invalid escape `\(e)` in a string"
        case .invalidUnicodeEscape(let e):
            "invalid unicode escape `\(e)` in a string"
        case .invalidUTF8:
            "the input is not valid UTF-8"
        case .invalidNumber(let n):
            "invalid number `\(n)`"
        }
    }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}
