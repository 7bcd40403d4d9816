/// The prompt's history on disk, so Up and Ctrl-R reach lines of earlier sessions.
///
/// `ROOT/history`: a first line `# kdslab history, formatVersion 1`, then one entered line
/// per line, oldest first. Lines are appended as they are entered; once the file holds twice
/// ``limit`` lines it is rewritten atomically with the newest ``limit``. History is a
/// convenience: a file that cannot be read or written is skipped, never an error.
struct HistoryFile {
    /// The state directory holding it.
    let root: String
    /// The most lines loaded (and kept when the file is rewritten).
    var limit = 1000

    /// The file's path.
    var path: String { root + "/history" }

    /// The header line.
    static let header = "# kdslab history, formatVersion 1"

    /// The newest ``limit`` lines, oldest first; none when the file is missing, unreadable
    /// or from a newer kdslab.
    func load() -> [String] {
        guard let bytes = try? ProgressFiles.read(path) else { return [] }
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.first == Self.header else { return [] }
        lines.removeFirst()
        return Array(lines.suffix(limit))
    }

    /// Appends `line` (blank lines and lines holding a line break are not kept).
    func append(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), !line.contains(where: \.isNewline) else { return }
        guard (try? ProgressFiles.makeDirectory(root)) != nil else { return }
        let fresh = !ProgressFiles.exists(path)
        let text = (fresh ? Self.header + "\n" : "") + line + "\n"
        guard (try? ProgressFiles.append(Array(text.utf8), to: path)) != nil else { return }
        trimIfLong()
    }

    /// Rewrites the file with its newest ``limit`` lines once it holds twice as many.
    private func trimIfLong() {
        guard let bytes = try? ProgressFiles.read(path) else { return }
        let count = bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        guard count > 2 * limit + 1 else { return }
        let kept = [Self.header] + load()
        try? ProgressFiles.writeAtomically(Array((kept.joined(separator: "\n") + "\n").utf8), to: path)
    }
}
