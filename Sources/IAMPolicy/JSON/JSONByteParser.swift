/// The recursive-descent engine behind `JSONReader`: walks UTF-8 bytes once.
///
/// It lives only for the duration of one `withUnsafeBufferPointer`-style call: the
/// buffer it holds must not outlive that call. Recursion goes one level per array or
/// object and is refused past `maxDepth`, so the stack stays bounded.
///
/// Positions are computed lazily from a checkpoint that only moves forward, so every
/// byte is counted about once however many positions are asked for.
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let maxDepth: Int
    /// The next byte to look at.
    var index = 0

    // The last position computed; later positions are counted from here.
    var checkpointOffset = 0
    var checkpointLine = 1
    var checkpointColumn = 1

    /// Creates a parser over `bytes`, which must stay valid while the parser is used.
    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.count = bytes.count
        self.maxDepth = maxDepth
    }

    // MARK: - Bytes

    enum Byte {
        static let tab: UInt8 = 0x09
        static let lineFeed: UInt8 = 0x0A
        static let carriageReturn: UInt8 = 0x0D
        static let space: UInt8 = 0x20
        static let quote: UInt8 = 0x22
        static let plus: UInt8 = 0x2B
        static let comma: UInt8 = 0x2C
        static let minus: UInt8 = 0x2D
        static let dot: UInt8 = 0x2E
        static let slash: UInt8 = 0x2F
        static let zero: UInt8 = 0x30
        static let one: UInt8 = 0x31
        static let nine: UInt8 = 0x39
        static let colon: UInt8 = 0x3A
        static let upperE: UInt8 = 0x45
        static let openBracket: UInt8 = 0x5B
        static let backslash: UInt8 = 0x5C
        static let closeBracket: UInt8 = 0x5D
        static let lowerE: UInt8 = 0x65
        static let openBrace: UInt8 = 0x7B
        static let closeBrace: UInt8 = 0x7D
    }

    static let trueWord: [UInt8] = Array("true".utf8)
    static let falseWord: [UInt8] = Array("false".utf8)
    static let nullWord: [UInt8] = Array("null".utf8)

    // MARK: - Entry

    /// Parses the whole buffer as one JSON text.
    mutating func parseDocument() throws(JSONReadError) -> JSONValue {
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw JSONReadError(
                .unexpectedCharacter(
                    found: "byte order mark (U+FEFF)",
                    expected: "a JSON value; save the file as UTF-8 without a byte order mark"),
                at: .start)
        }
        skipWhitespace()
        guard index < count else {
            throw makeError(.empty, at: index)
        }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if index < count {
            throw makeError(.trailingContent, at: index)
        }
        return value
    }

    // MARK: - Positions

    /// The line, column and offset of byte `offset` (which may be `count`, the end).
    mutating func position(at offset: Int) -> SourcePosition {
        if offset < checkpointOffset {
            checkpointOffset = 0
            checkpointLine = 1
            checkpointColumn = 1
        }
        var o = checkpointOffset
        var line = checkpointLine
        var column = checkpointColumn
        while o < offset {
            let b = bytes[o]
            if b == Byte.lineFeed {
                // `\r\n` is one break: the `\r` already counted it.
                if !(o > 0 && bytes[o - 1] == Byte.carriageReturn) { line += 1 }
                column = 1
            } else if b == Byte.carriageReturn {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                // Every byte but a UTF-8 continuation byte starts a scalar.
                column += 1
            }
            o += 1
        }
        checkpointOffset = o
        checkpointLine = line
        checkpointColumn = column
        return SourcePosition(line: line, column: column, offset: o)
    }

    mutating func makeError(_ reason: JSONReadError.Reason, at offset: Int) -> JSONReadError {
        JSONReadError(reason, at: position(at: offset))
    }

    /// The error for the byte at `offset` when `expected` should have stood there.
    mutating func unexpected(at offset: Int, expected: String) -> JSONReadError {
        guard offset < count else {
            return makeError(.unexpectedEnd(expected: expected), at: offset)
        }
        guard let found = describeCharacter(at: offset) else {
            return makeError(.invalidUTF8, at: offset)
        }
        return makeError(.unexpectedCharacter(found: found, expected: expected), at: offset)
    }

    /// A printable name for the character at `offset`, or nil when the bytes there are not UTF-8.
    func describeCharacter(at offset: Int) -> String? {
        let length = utf8SequenceLength(at: offset)
        guard length > 0 else { return nil }
        let scalarBytes = UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])
        let text = String(decoding: scalarBytes, as: UTF8.self)
        guard let scalar = text.unicodeScalars.first else { return nil }
        return Self.describe(scalar)
    }

    /// "`}`" for JSON punctuation, "character `x`" for other visible characters,
    /// "character U+0007" for controls, spaces and other invisible ones.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "{", "}", "[", "]", ",", ":", "\"":
            return "`\(scalar)`"
        case "`":
            return "character U+0060 (backtick)"
        default:
            break
        }
        let invisible: Bool
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .surrogate, .privateUse, .unassigned, .nonspacingMark, .enclosingMark:
            invisible = true
        default:
            invisible = false
        }
        if invisible {
            return "character \(codePoint(scalar.value))"
        }
        return "character `\(scalar)`"
    }

    /// `U+XXXX` with at least four upper-case hex digits.
    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    // MARK: - Values

    mutating func skipWhitespace() {
        while index < count {
            let b = bytes[index]
            if b == Byte.space || b == Byte.lineFeed || b == Byte.carriageReturn || b == Byte.tab {
                index += 1
            } else {
                return
            }
        }
    }

    /// Parses the value starting at `index` (white space already skipped).
    /// `depth` is the number of arrays and objects around it.
    mutating func parseValue(depth: Int) throws(JSONReadError) -> JSONValue {
        guard index < count else {
            throw makeError(.unexpectedEnd(expected: "a JSON value"), at: index)
        }
        switch bytes[index] {
        case Byte.openBrace:
            return try parseObject(depth: depth + 1)
        case Byte.openBracket:
            return try parseArray(depth: depth + 1)
        case Byte.quote:
            let (text, range) = try parseString()
            return JSONValue(.string(text), range: range)
        case UInt8(ascii: "t"):
            return try parseLiteral(Self.trueWord, kind: .bool(true), name: "`true`")
        case UInt8(ascii: "f"):
            return try parseLiteral(Self.falseWord, kind: .bool(false), name: "`false`")
        case UInt8(ascii: "n"):
            return try parseLiteral(Self.nullWord, kind: .null, name: "`null`")
        case Byte.minus, Byte.zero...Byte.nine, Byte.plus, Byte.dot:
            return try parseNumber()
        default:
            throw unexpected(at: index, expected: "a JSON value")
        }
    }

    mutating func parseLiteral(
        _ word: [UInt8], kind: JSONValue.Kind, name: String
    ) throws(JSONReadError) -> JSONValue {
        let start = index
        for expected in word {
            guard index < count, bytes[index] == expected else {
                throw unexpected(at: index, expected: name)
            }
            index += 1
        }
        let range = SourceRange(start: position(at: start), end: position(at: index))
        return JSONValue(kind, range: range)
    }

    mutating func parseArray(depth: Int) throws(JSONReadError) -> JSONValue {
        let openOffset = index
        guard depth <= maxDepth else {
            throw makeError(.tooDeep(limit: maxDepth), at: openOffset)
        }
        let start = position(at: openOffset)
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < count, bytes[index] == Byte.closeBracket {
            index += 1
            return JSONValue(.array(elements), range: SourceRange(start: start, end: position(at: index)))
        }
        while true {
            if !elements.isEmpty, index < count, bytes[index] == Byte.closeBracket {
                // `]` right after `,`: a trailing comma.
                throw unexpected(at: index, expected: "a JSON value after `,`")
            }
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < count else {
                throw makeError(.unexpectedEnd(expected: "`,` or `]`"), at: index)
            }
            let b = bytes[index]
            if b == Byte.comma {
                index += 1
                skipWhitespace()
            } else if b == Byte.closeBracket {
                index += 1
                return JSONValue(.array(elements), range: SourceRange(start: start, end: position(at: index)))
            } else {
                throw unexpected(at: index, expected: "`,` or `]`")
            }
        }
    }

    mutating func parseObject(depth: Int) throws(JSONReadError) -> JSONValue {
        let openOffset = index
        guard depth <= maxDepth else {
            throw makeError(.tooDeep(limit: maxDepth), at: openOffset)
        }
        let start = position(at: openOffset)
        index += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if index < count, bytes[index] == Byte.closeBrace {
            index += 1
            return JSONValue(.object(members), range: SourceRange(start: start, end: position(at: index)))
        }
        while true {
            guard index < count, bytes[index] == Byte.quote else {
                let expected = members.isEmpty
                    ? "a member name in double quotes"
                    : "a member name in double quotes after `,`"
                throw unexpected(at: index, expected: expected)
            }
            let (key, keyRange) = try parseString()
            skipWhitespace()
            guard index < count, bytes[index] == Byte.colon else {
                throw unexpected(at: index, expected: "`:` after the member name")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, keyRange: keyRange, value: value))
            skipWhitespace()
            guard index < count else {
                throw makeError(.unexpectedEnd(expected: "`,` or `}`"), at: index)
            }
            let b = bytes[index]
            if b == Byte.comma {
                index += 1
                skipWhitespace()
            } else if b == Byte.closeBrace {
                index += 1
                return JSONValue(.object(members), range: SourceRange(start: start, end: position(at: index)))
            } else {
                throw unexpected(at: index, expected: "`,` or `}`")
            }
        }
    }
}
