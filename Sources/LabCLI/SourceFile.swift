import IAMPolicy

/// A text the learner gave us (a file or standard input) and the name messages use for it.
struct SourceFile {
    /// The path as given, or `<stdin>` for `-`.
    var name: String
    /// The text.
    var text: String

    /// Largest input read, so a huge file or `/dev/zero` cannot exhaust memory.
    static let readLimit = 4 * 1_048_576

    /// The name messages use for `path`.
    static func displayName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }

    /// The bytes of `path` (standard input for `-`), or a one-line failure naming it.
    static func bytes(_ path: String, io: CommandIO) throws(CommandFailure) -> [UInt8] {
        do {
            return path == "-"
                ? try io.readStandardInput(limit: readLimit)
                : try io.readFile(path, limit: readLimit)
        } catch {
            throw .usage("cannot read '\(displayName(path))': \(error.reason)")
        }
    }

    /// Reads `path` as UTF-8 text; bytes that are not UTF-8 are an error that says where.
    static func load(_ path: String, io: CommandIO) throws(CommandFailure) -> SourceFile {
        let raw = try bytes(path, io: io)
        let name = displayName(path)
        guard let text = String(validating: raw, as: UTF8.self) else {
            let position = firstInvalidUTF8(raw)
            throw .usage("\(name):\(position): the file is not valid UTF-8 text")
        }
        return SourceFile(name: name, text: text)
    }

    /// The line and column of the first byte that is not UTF-8 (columns count scalars).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> String {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var previousWasCR = false
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
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
                return "\(line):\(column)"
            }
        }
    }
}
