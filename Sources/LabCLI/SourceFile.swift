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
        switch UTF8Text.decode(raw) {
        case .success(let text): return SourceFile(name: name, text: text)
        case .failure(let bad): throw .usage("\(name):\(bad.line):\(bad.column): \(bad.message)")
        }
    }
}
