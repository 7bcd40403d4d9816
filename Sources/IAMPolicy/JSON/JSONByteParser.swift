/// The recursive-descent engine behind `JSONReader`: walks UTF-8 bytes once.
///
/// It lives only for the duration of one `withUnsafeBufferPointer`-style call: the
/// buffer it holds must not outlive that call. Recursion goes one level per array or
/// object and is refused past `maxDepth`, so the stack stays bounded.
///
/// Positions are computed lazily from a checkpoint that only moves forward, so every
/// byte is counted about once however many positions are asked for.
struct JSONByteParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private let maxDepth: Int
    /// The next byte to look at.
    private var index = 0

    // The last position computed; later positions are counted from here.
    private var checkpointOffset = 0
    private var checkpointLine = 1
    private var checkpointColumn = 1

    /// Creates a parser over `bytes`, which must stay valid while the parser is used.
    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.count = bytes.count
        self.maxDepth = maxDepth
    }

    // MARK: - Bytes

    private enum Byte {
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

    private static let trueWord: [UInt8] = Array("true".utf8)
    private static let falseWord: [UInt8] = Array("false".utf8)
    private static let nullWord: [UInt8] = Array("null".utf8)

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
    private mutating func position(at offset: Int) -> SourcePosition {
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

    private mutating func makeError(_ reason: JSONReadError.Reason, at offset: Int) -> JSONReadError {
        JSONReadError(reason, at: position(at: offset))
    }

    /// The error for the byte at `offset` when `expected` should have stood there.
    private mutating func unexpected(at offset: Int, expected: String) -> JSONReadError {
        guard offset < count else {
            return makeError(.unexpectedEnd(expected: expected), at: offset)
        }
        guard let found = describeCharacter(at: offset) else {
            return makeError(.invalidUTF8, at: offset)
        }
        return makeError(.unexpectedCharacter(found: found, expected: expected), at: offset)
    }

    /// A printable name for the character at `offset`, or nil when the bytes there are not UTF-8.
    private func describeCharacter(at offset: Int) -> String? {
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

    private mutating func skipWhitespace() {
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
    private mutating func parseValue(depth: Int) throws(JSONReadError) -> JSONValue {
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

    private mutating func parseLiteral(
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

    private mutating func parseArray(depth: Int) throws(JSONReadError) -> JSONValue {
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

    private mutating func parseObject(depth: Int) throws(JSONReadError) -> JSONValue {
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

    // MARK: - Numbers

    private static func isDigit(_ b: UInt8) -> Bool { b >= Byte.zero && b <= Byte.nine }

    /// Bytes that may belong to something meant as a number (`0x1F`, `1.5.2`, `-Infinity`):
    /// digits, ASCII letters, `.`, `+` and `-`. Used to quote the whole attempt, and a number
    /// directly followed by one of them is refused as a whole.
    private static func isNumberish(_ b: UInt8) -> Bool {
        isDigit(b) || b == Byte.dot || b == Byte.minus || b == Byte.plus
            || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    /// An error points at the first byte that breaks the grammar and quotes the attempt.
    private mutating func parseNumber() throws(JSONReadError) -> JSONValue {
        let start = index
        var i = index
        if bytes[i] == Byte.minus { i += 1 }
        if i < count, bytes[i] == Byte.zero {
            i += 1
        } else if i < count, bytes[i] >= Byte.one, bytes[i] <= Byte.nine {
            while i < count, Self.isDigit(bytes[i]) { i += 1 }
        } else {
            throw invalidNumber(from: start, at: i)
        }
        if i < count, bytes[i] == Byte.dot {
            i += 1
            guard i < count, Self.isDigit(bytes[i]) else { throw invalidNumber(from: start, at: i) }
            while i < count, Self.isDigit(bytes[i]) { i += 1 }
        }
        if i < count, bytes[i] == Byte.lowerE || bytes[i] == Byte.upperE {
            i += 1
            if i < count, bytes[i] == Byte.plus || bytes[i] == Byte.minus { i += 1 }
            guard i < count, Self.isDigit(bytes[i]) else { throw invalidNumber(from: start, at: i) }
            while i < count, Self.isDigit(bytes[i]) { i += 1 }
        }
        // `01`, `1.5.2`, `0x1F`: more number-like text right after a complete number.
        if i < count, Self.isNumberish(bytes[i]) {
            throw invalidNumber(from: start, at: i)
        }
        index = i
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        let range = SourceRange(start: position(at: start), end: position(at: i))
        return JSONValue(.number(literal), range: range)
    }

    private mutating func invalidNumber(from start: Int, at offset: Int) -> JSONReadError {
        var end = start
        while end < count, Self.isNumberish(bytes[end]) { end += 1 }
        // A lone `-` followed by letters (`-Infinity`) still names what was tried.
        if end == start { end = min(start + 1, count) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return makeError(.invalidNumber(text), at: offset)
    }

    // MARK: - Strings

    /// The length of the well-formed UTF-8 sequence at `offset`, or 0 when ill-formed
    /// (overlong forms, surrogates, code points past U+10FFFF and truncations included).
    private func utf8SequenceLength(at offset: Int) -> Int {
        let b0 = bytes[offset]
        if b0 < 0x80 { return 1 }
        func isContinuation(_ k: Int) -> Bool {
            offset + k < count && bytes[offset + k] & 0xC0 == 0x80
        }
        func second(in range: ClosedRange<UInt8>) -> Bool {
            offset + 1 < count && range.contains(bytes[offset + 1])
        }
        switch b0 {
        case 0xC2...0xDF:
            return isContinuation(1) ? 2 : 0
        case 0xE0:
            return second(in: 0xA0...0xBF) && isContinuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return second(in: 0x80...0xBF) && isContinuation(2) ? 3 : 0
        case 0xED:
            return second(in: 0x80...0x9F) && isContinuation(2) ? 3 : 0
        case 0xF0:
            return second(in: 0x90...0xBF) && isContinuation(2) && isContinuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return second(in: 0x80...0xBF) && isContinuation(2) && isContinuation(3) ? 4 : 0
        case 0xF4:
            return second(in: 0x80...0x8F) && isContinuation(2) && isContinuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Parses the string whose opening quote is at `index`; returns the unescaped text
    /// and the range from the opening quote to just past the closing one.
    private mutating func parseString() throws(JSONReadError) -> (String, SourceRange) {
        let startOffset = index
        var i = index + 1
        var segmentStart = i
        // Only allocated once an escape shows up; plain strings are decoded in place.
        var unescaped: [UInt8]? = nil
        while true {
            guard i < count else {
                throw makeError(.unexpectedEnd(expected: "`\"` to close the string"), at: i)
            }
            let b = bytes[i]
            if b == Byte.quote { break }
            if b == Byte.backslash {
                var buffer = unescaped ?? []
                buffer.append(contentsOf: bytes[segmentStart..<i])
                i = try parseEscape(at: i, into: &buffer)
                unescaped = buffer
                segmentStart = i
                continue
            }
            if b < 0x20 {
                throw makeError(.controlCharacterInString, at: i)
            }
            if b < 0x80 {
                i += 1
                continue
            }
            let length = utf8SequenceLength(at: i)
            guard length > 0 else {
                throw makeError(.invalidUTF8, at: i)
            }
            i += length
        }
        let text: String
        if var buffer = unescaped {
            buffer.append(contentsOf: bytes[segmentStart..<i])
            text = String(decoding: buffer, as: UTF8.self)
        } else {
            text = String(decoding: UnsafeBufferPointer(rebasing: bytes[segmentStart..<i]), as: UTF8.self)
        }
        i += 1
        index = i
        let range = SourceRange(start: position(at: startOffset), end: position(at: i))
        return (text, range)
    }

    /// Decodes the escape whose backslash is at `offset` into `buffer`; returns the offset after it.
    private mutating func parseEscape(at offset: Int, into buffer: inout [UInt8]) throws(JSONReadError) -> Int {
        guard offset + 1 < count else {
            throw makeError(.unexpectedEnd(expected: "an escape character after `\\`"), at: offset + 1)
        }
        let e = bytes[offset + 1]
        switch e {
        case Byte.quote, Byte.backslash, Byte.slash:
            buffer.append(e)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            return try parseUnicodeEscape(at: offset, into: &buffer)
        default:
            let length = utf8SequenceLength(at: offset + 1)
            guard length > 0 else {
                throw makeError(.invalidUTF8, at: offset + 1)
            }
            let escaped = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset + 1..<offset + 1 + length]), as: UTF8.self)
            let shown: String
            if e < 0x20 || e == 0x7F {
                shown = "\\" + Self.codePoint(UInt32(e))
            } else {
                shown = "\\" + escaped
            }
            throw makeError(.invalidEscape(shown), at: offset)
        }
        return offset + 2
    }

    /// The four hex digits after the `\u` at `offset`, or nil (with `end` the first non-hex offset).
    private func hex4(afterEscapeAt offset: Int) -> (value: UInt32?, end: Int) {
        var value: UInt32 = 0
        var i = offset + 2
        while i < offset + 6 {
            guard i < count else { return (nil, i) }
            let b = bytes[i]
            let digit: UInt32
            switch b {
            case Byte.zero...Byte.nine: digit = UInt32(b - Byte.zero)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: return (nil, i)
            }
            value = value << 4 | digit
            i += 1
        }
        return (value, i)
    }

    /// `\uXXXX`, `\uD83D\uDE00`: reads one escape (or a surrogate pair) at `offset`.
    private mutating func parseUnicodeEscape(at offset: Int, into buffer: inout [UInt8]) throws(JSONReadError) -> Int {
        let first = try readHex4(at: offset)
        var scalarValue = first
        var next = offset + 6
        if (0xDC00...0xDFFF).contains(first) {
            throw makeError(.invalidUnicodeEscape(escapeText(from: offset, to: next) + " (a lone low surrogate)"), at: offset)
        }
        if (0xD800...0xDBFF).contains(first) {
            guard next + 1 < count, bytes[next] == Byte.backslash, bytes[next + 1] == UInt8(ascii: "u") else {
                throw makeError(.invalidUnicodeEscape(escapeText(from: offset, to: next) + " (a high surrogate without its low half)"), at: offset)
            }
            let second = try readHex4(at: next)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw makeError(.invalidUnicodeEscape(escapeText(from: offset, to: next) + " (a high surrogate without its low half)"), at: offset)
            }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            next += 6
        }
        Self.appendUTF8(scalarValue, to: &buffer)
        return next
    }

    /// The hex value of the `\u` escape at `offset`, or the error for a malformed one.
    private mutating func readHex4(at offset: Int) throws(JSONReadError) -> UInt32 {
        let (value, end) = hex4(afterEscapeAt: offset)
        if let value { return value }
        if end >= count {
            throw makeError(.unexpectedEnd(expected: "four hex digits after `\\u`"), at: end)
        }
        throw makeError(.invalidUnicodeEscape(escapeText(from: offset, to: end)), at: offset)
    }

    /// The escape's source text (ASCII only: it is `\u` followed by hex digits).
    private func escapeText(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(end, count)]), as: UTF8.self)
    }

    private static func appendUTF8(_ v: UInt32, to buffer: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            buffer.append(UInt8(v))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (v >> 6)))
            buffer.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | (v >> 12)))
            buffer.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (v & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (v >> 18)))
            buffer.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
