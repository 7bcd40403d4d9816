extension InlineParser {
    /// A run of `*` or `_` waiting to be paired.
    struct Delimiter: Hashable {
        var char: Character
        var count: Int
        var canOpen: Bool
        var canClose: Bool
    }

    /// Parsed inlines and unpaired delimiter runs, in order.
    enum Piece: Hashable {
        case inline(MarkdownInline)
        case delimiter(Delimiter)
    }

    /// Pairs each closing run with the nearest opening run of the same character before it:
    /// two from each make strong emphasis, one makes emphasis. Unpaired runs become text.
    static func resolveEmphasis(_ input: [Piece]) -> [MarkdownInline] {
        var pieces = input
        // Below this index no opener for the character exists, so searches stop there.
        var bottom: [Character: Int] = [:]
        var i = 0
        while i < pieces.count {
            guard case .delimiter(var closer) = pieces[i], closer.canClose, closer.count > 0 else {
                i += 1
                continue
            }
            let floor = bottom[closer.char] ?? -1
            var j = i - 1
            var openerIndex: Int?
            while j > floor {
                if case .delimiter(let d) = pieces[j], d.char == closer.char, d.canOpen, d.count > 0 {
                    openerIndex = j
                    break
                }
                j -= 1
            }
            guard let o = openerIndex, case .delimiter(var opener) = pieces[o] else {
                bottom[closer.char] = i - 1
                i += 1
                continue
            }
            let used = opener.count >= 2 && closer.count >= 2 ? 2 : 1
            let inner = flatten(pieces[(o + 1)..<i])
            opener.count -= used
            closer.count -= used
            let node: MarkdownInline = used == 2 ? .strong(inner) : .emphasis(inner)
            pieces.replaceSubrange(o...i, with: [.delimiter(opener), .inline(node), .delimiter(closer)])
            i = o + 2  // the closer again, in case it has characters left
            if let b = bottom[closer.char], b >= o { bottom[closer.char] = nil }
        }
        return flatten(pieces[...])
    }

    /// Inlines with leftover delimiters as literal text and adjacent texts merged.
    private static func flatten(_ pieces: ArraySlice<Piece>) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        func appendText(_ s: String) {
            guard !s.isEmpty else { return }
            if case .text(let previous) = out.last {
                out[out.count - 1] = .text(previous + s)
            } else {
                out.append(.text(s))
            }
        }
        for piece in pieces {
            switch piece {
            case .delimiter(let d): appendText(String(repeating: d.char, count: d.count))
            case .inline(.text(let s)): appendText(s)
            case .inline(let inline): out.append(inline)
            }
        }
        return out
    }
}
