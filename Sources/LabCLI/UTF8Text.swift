/// Bytes read as UTF-8 text, or where they stop being UTF-8: lab files, lessons and
/// submissions are text, and a byte that is not UTF-8 is an error that says where it is
/// (never a silent replacement character).
enum UTF8Text {
    /// The first byte that is not UTF-8: its 1-based line and column (columns count Unicode
    /// scalars) and its 0-based byte offset in the file.
    struct InvalidByte: Error, Equatable {
        var line: Int
        var column: Int
        var offset: Int

        /// `the file is not valid UTF-8 text (byte offset 10)`, without the position.
        var message: String { "the file is not valid UTF-8 text (byte offset \(offset))" }
    }

    /// The text, or where the bytes stop being UTF-8.
    static func decode(_ bytes: [UInt8]) -> Result<String, InvalidByte> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        return .failure(firstInvalidByte(bytes))
    }

    /// Where the first byte that is not UTF-8 is (call only on bytes that are not UTF-8).
    static func firstInvalidByte(_ bytes: [UInt8]) -> InvalidByte {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var offset = 0
        var previousWasCR = false
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" && previousWasCR {
                    previousWasCR = false
                } else if scalar == "\n" || scalar == "\r" {
                    line += 1
                    column = 1
                    previousWasCR = scalar == "\r"
                } else {
                    column += 1
                    previousWasCR = false
                }
            case .emptyInput, .error:
                return InvalidByte(line: line, column: column, offset: offset)
            }
        }
    }
}
