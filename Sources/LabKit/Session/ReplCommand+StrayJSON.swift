extension ReplCommand {
    /// Whether a line typed at the prompt (not a command) looks like a line of JSON: it
    /// starts with `{`, `}`, `[`, `]` or `"`. Such lines usually mean a draft was pasted
    /// without `paste` first; the REPL says so once for the whole block.
    public static func looksLikeJSON(_ line: String) -> Bool {
        guard let first = line.first(where: { !$0.isWhitespace }) else { return false }
        return "{}[]\"".contains(first)
    }
}
