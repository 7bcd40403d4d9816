/// A reverse incremental search through the history (Ctrl-R), as bash and readline do it.
///
/// Typed text narrows the search; Ctrl-R again finds an older entry holding it; Enter runs
/// the entry found; Ctrl-G gives up and brings the line back; any other key keeps the entry
/// found on the line and acts on it.
struct HistorySearch: Equatable, Sendable {
    /// What is searched for.
    var query: [Unicode.Scalar] = []
    /// The history entry found, if any.
    var match: Int?
    /// Whether the last search found nothing (the last match stays shown).
    var failed = false
    /// The line and cursor before the search, for Ctrl-G.
    var original: [Unicode.Scalar]
    var originalCursor: Int

    /// What the prompt says while searching: ``(reverse-i-search)`query': ``.
    var prompt: String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: query)
        return (failed ? "(failed reverse-i-search)`" : "(reverse-i-search)`") + String(text) + "': "
    }
}
