/// Numbers and strings: the two scalar forms with a grammar of their own.
extension JSONByteParser {
    // MARK: - Numbers

    static func isDigit(_ b: UInt8) -> Bool { b >= Byte.zero && b <= Byte.nine }

    /// Bytes that may belong to something meant as a number (`0x1F`, `1.5.2`, `-Infinity`):
    /// digits, ASCII letters, `.`, `+` and `-`. Used to quote the whole attempt, and a number
    /// directly followed by one of them is refused as a whole.
    static func isNumberish(_ b: UInt8) -> Bool {
        isDigit(b) || b == Byte.dot || b == Byte.minus || b == Byte.plus
            || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    /// An error points at the first byte that breaks the grammar and quotes the attempt.
    mutating func parseNumber() throws(JSONReadError) -> JSONValue {
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

    mutating func invalidNumber(from start: Int, at offset: Int) -> JSONReadError {
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
    func utf8SequenceLength(at offset: Int) -> Int {
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
    mutating func parseString() throws(JSONReadError) -> (String, SourceRange) {
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
    mutating func parseEscape(at offset: Int, into buffer: inout [UInt8]) throws(JSONReadError) -> Int {
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
    func hex4(afterEscapeAt offset: Int) -> (value: UInt32?, end: Int) {
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
    mutating func parseUnicodeEscape(at offset: Int, into buffer: inout [UInt8]) throws(JSONReadError) -> Int {
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
    mutating func readHex4(at offset: Int) throws(JSONReadError) -> UInt32 {
        let (value, end) = hex4(afterEscapeAt: offset)
        if let value { return value }
        if end >= count {
            throw makeError(.unexpectedEnd(expected: "four hex digits after `\\u`"), at: end)
        }
        throw makeError(.invalidUnicodeEscape(escapeText(from: offset, to: end)), at: offset)
    }

    /// The escape's source text (ASCII only: it is `\u` followed by hex digits).
    func escapeText(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(end, count)]), as: UTF8.self)
    }

    static func appendUTF8(_ v: UInt32, to buffer: inout [UInt8]) {
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
