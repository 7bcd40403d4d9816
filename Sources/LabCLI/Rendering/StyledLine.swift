/// One line of rendered output as styled fragments, before escape codes are added, so its
/// width on screen is known.
struct StyledLine: Hashable {
    /// Text in one style.
    struct Fragment: Hashable {
        var text: String
        var style: TextStyle
    }

    /// The fragments, left to right.
    var fragments: [Fragment] = []

    /// Creates a line of `text` in one style.
    init(_ text: String = "", style: TextStyle = .plain) {
        if !text.isEmpty { fragments = [Fragment(text: text, style: style)] }
    }

    /// Creates a line from fragments.
    init(fragments: [Fragment]) {
        self.fragments = fragments
    }

    /// The cells the line takes on screen.
    var width: Int {
        fragments.reduce(0) { $0 + DisplayWidth.of(text: $1.text) }
    }

    /// The text without styling.
    var text: String {
        fragments.map(\.text).joined()
    }

    /// Appends `text` in `style`.
    mutating func append(_ text: String, _ style: TextStyle = .plain) {
        if !text.isEmpty { fragments.append(Fragment(text: text, style: style)) }
    }

    /// Appends another line's fragments.
    mutating func append(_ other: StyledLine) {
        fragments += other.fragments
    }

    /// The line cut to at most `limit` cells, ending in `…` if anything was cut.
    func truncated(to limit: Int) -> StyledLine {
        guard width > limit else { return self }
        var out = StyledLine()
        var used = 0
        let room = max(0, limit - 1)
        outer: for fragment in fragments {
            var kept = ""
            for character in fragment.text {
                let w = DisplayWidth.of(text: String(character))
                if used + w > room {
                    out.append(kept, fragment.style)
                    break outer
                }
                kept.append(character)
                used += w
            }
            out.append(kept, fragment.style)
        }
        out.append("…", .plain)
        return out
    }

    /// Every fragment with `change` applied to its style.
    func restyled(_ change: (inout TextStyle) -> Void) -> StyledLine {
        StyledLine(fragments: fragments.map { fragment in
            var style = fragment.style
            change(&style)
            return Fragment(text: fragment.text, style: style)
        })
    }
}
