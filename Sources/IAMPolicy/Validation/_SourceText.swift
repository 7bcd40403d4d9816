/// The policy text with helpers to read spans back and to make positions.
struct _SourceText: Sendable {
    /// The text.
    let text: String
    /// Its UTF-8 bytes.
    let bytes: [UInt8]

    init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// The text a span covers (invalid UTF-8 repaired); empty when the span is out of range.
    func slice(_ range: SourceRange) -> String {
        let lo = max(0, min(range.start.offset, bytes.count))
        let hi = max(lo, min(range.end.offset, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// The span's text without surrounding JSON quotes.
    func unquoted(_ range: SourceRange) -> String {
        var s = Substring(slice(range))
        if s.count >= 2, s.first == "\"", s.last == "\"" { s = s.dropFirst().dropLast() }
        return String(s)
    }

    /// The position just past the last character of the text.
    var endPosition: SourcePosition {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourcePosition(line: line, column: column, offset: bytes.count)
    }

    /// A range covering the first character at `position` (the `{` of a document).
    func firstCharacter(at position: SourcePosition) -> SourceRange {
        guard position.offset < bytes.count else { return SourceRange(at: position) }
        let lead = bytes[position.offset]
        let width = lead < 0x80 ? 1 : Glob.scalarLength(lead)
        return SourceRange(
            start: position,
            end: SourcePosition(line: position.line, column: position.column + 1, offset: position.offset + width))
    }
}
