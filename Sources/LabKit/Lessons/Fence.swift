/// The opening line of a fenced code block: three or more backticks or tildes and an
/// optional info string (```` ```json ````).
struct Fence: Hashable {
    /// `` ` `` or `~`.
    var marker: Character
    /// How many markers opened the block; the closing fence needs at least as many.
    var length: Int
    /// The info string, trimmed (`json`), or empty.
    var info: String

    /// The fence that `content` (a line without its indentation) opens, if it opens one.
    init?(_ content: Substring) {
        guard let marker = content.first, marker == "`" || marker == "~" else { return nil }
        let run = content.prefix { $0 == marker }.count
        guard run >= 3 else { return nil }
        let info = content.dropFirst(run).trimmingSpaces()
        // A backtick fence's info string cannot contain backticks (it would be a code span).
        if marker == "`", info.contains("`") { return nil }
        self.marker = marker
        self.length = run
        self.info = String(info)
    }

    /// Whether `content` (a line without its indentation) closes this block.
    func isClosed(by content: Substring) -> Bool {
        let run = content.prefix { $0 == marker }.count
        return run >= length && content.dropFirst(run).allSatisfy { $0 == " " }
    }
}
