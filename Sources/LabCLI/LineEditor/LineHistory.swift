/// The lines entered so far, oldest first, for Up and Down in the line editor.
///
/// Empty and whitespace-only lines are not kept, a line equal to the one before it is not
/// kept twice, and past ``limit`` the oldest lines are forgotten.
struct LineHistory: Equatable, Sendable {
    /// The lines, oldest first.
    private(set) var entries: [String] = []
    /// The most lines kept.
    let limit: Int

    /// Creates a history holding at most `limit` lines (at least one), starting with
    /// `entries` (the same rules apply to them as to added lines).
    init(limit: Int = 500, entries: [String] = []) {
        self.limit = max(1, limit)
        for entry in entries { add(entry) }
    }

    /// Records `line`, unless it is blank or repeats the newest entry.
    mutating func add(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line != entries.last else { return }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
    }

    /// How many lines are kept.
    var count: Int { entries.count }
}
