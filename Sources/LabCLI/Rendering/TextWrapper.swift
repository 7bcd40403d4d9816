/// Lines of terminal text word-wrapped to a width.
///
/// Breaks only at spaces; a continuation line hangs under the text that follows the line's
/// indent and its marker (`✘ `, `- `, `3. `). A single word wider than the line (an ARN)
/// breaks after a `:` or `/`, and only where it has none, at the width. Colour escape
/// sequences take no cells and are never split. A line that fits is returned unchanged.
struct TextWrapper {
    /// The width in cells (at least 10 is used).
    var width: Int

    /// Creates a wrapper for `width` cells.
    init(width: Int) {
        self.width = max(10, width)
    }

    /// Marks that start a list item, after which continuation lines hang.
    static let markers: Set<String> = ["✘", "✔", "-", "+", "•", "◦", "▪", "*", "→", "!"]

    /// Each line of `text` (split at `\n`) wrapped.
    func wrap(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrapLine(String($0)) }
    }

    /// One line wrapped; continuation lines start `hang` cells in when given, else under
    /// the text after the line's indent and marker.
    func wrapLine(_ line: String, hang given: Int? = nil) -> [String] {
        guard Self.visibleWidth(line) > width else { return [line] }
        let pieces = Self.pieces(line)
        let hang = min(given ?? hangingIndent(pieces), width / 2)
        var out: [String] = []
        var current = ""
        var used = 0
        var pendingGap = ""
        var pendingGapCells = 0
        var lineHasWord = false
        for piece in pieces {
            if piece.isGap {
                if !lineHasWord && out.isEmpty {
                    current += piece.text  // the line's own indent
                    used += piece.cells
                } else {
                    pendingGap = piece.text
                    pendingGapCells = piece.cells
                }
                continue
            }
            if lineHasWord && used + pendingGapCells + piece.cells > width {
                out.append(current)
                current = String(repeating: " ", count: hang)
                used = hang
                lineHasWord = false
                pendingGap = ""
                pendingGapCells = 0
            }
            if lineHasWord {
                current += pendingGap
                used += pendingGapCells
            }
            pendingGap = ""
            pendingGapCells = 0
            if used + piece.cells <= width {
                current += piece.text
                used += piece.cells
            } else {
                // A word wider than what is left of an empty line: cut it.
                var rest = piece.text
                while Self.visibleWidth(rest) > width - used, width - used > 0 {
                    let (head, tail) = Self.split(rest, fitting: width - used)
                    out.append(current + head)
                    current = String(repeating: " ", count: hang)
                    used = hang
                    rest = tail
                }
                current += rest
                used += Self.visibleWidth(rest)
            }
            lineHasWord = true
        }
        out.append(current)
        return out
    }

    /// Where continuation lines start: under the text after the indent and a marker, if the
    /// line has one, else under the indent; never past half the width.
    func hangingIndent(_ pieces: [Piece]) -> Int {
        var index = 0
        var indent = 0
        if let first = pieces.first, first.isGap {
            indent = first.cells
            index = 1
        }
        if index + 1 < pieces.count, pieces[index + 1].isGap, pieces[index + 1].cells == 1 {
            let word = Self.stripped(pieces[index].text)
            let numbered = word.count <= 4 && word.dropLast().allSatisfy(\.isNumber) && (word.hasSuffix(".") || word.hasSuffix(")"))
                && word.count > 1
            if Self.markers.contains(word) || numbered {
                indent += pieces[index].cells + 1
            }
        }
        return indent <= width / 2 ? indent : min(2, indent)
    }

    /// A run of spaces, or a word (with any escape sequences inside or around it).
    struct Piece {
        var text: String
        var cells: Int
        var isGap: Bool
    }

    /// `line` cut into words and the runs of spaces between them.
    static func pieces(_ line: String) -> [Piece] {
        var out: [Piece] = []
        var scalars = Array(line.unicodeScalars)[...]
        func append(_ scalar: Unicode.Scalar, cells: Int, gap: Bool) {
            if let last = out.last, last.isGap == gap {
                out[out.count - 1].text.unicodeScalars.append(scalar)
                out[out.count - 1].cells += cells
            } else {
                var text = ""
                text.unicodeScalars.append(scalar)
                out.append(Piece(text: text, cells: cells, isGap: gap))
            }
        }
        while let scalar = scalars.first {
            if scalar == "\u{1B}" {
                let length = escapeLength(scalars)
                // An escape joins the word it touches (the word before it, else the next).
                for s in scalars.prefix(length) { append(s, cells: 0, gap: false) }
                scalars = scalars.dropFirst(length)
                continue
            }
            append(scalar, cells: DisplayWidth.of(scalar), gap: scalar == " ")
            scalars = scalars.dropFirst()
        }
        return out
    }

    /// The length in scalars of the escape sequence at the start of `scalars` (CSI or a
    /// lone two-scalar escape).
    static func escapeLength(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        let start = scalars.startIndex
        guard scalars.count >= 2 else { return scalars.count }
        guard scalars[start + 1] == "[" else { return 2 }
        var index = start + 2
        while index < scalars.endIndex, !(0x40...0x7E).contains(scalars[index].value) { index += 1 }
        return min(index + 1, scalars.endIndex) - start
    }

    /// The cells `text` takes, escape sequences taking none.
    static func visibleWidth(_ text: String) -> Int {
        LineRenderer.visibleWidth(ofPrompt: text)
    }

    /// `text` without escape sequences.
    static func stripped(_ text: String) -> String {
        var out = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalar == "\u{1B}" {
                scalars = scalars.dropFirst(escapeLength(scalars))
            } else {
                out.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst()
            }
        }
        return out
    }

    /// A word cut in two: the longest head of at most `room` cells that ends after a `:` or
    /// `/`, else the longest head that fits (at least one character).
    static func split(_ word: String, fitting room: Int) -> (String, String) {
        let scalars = Array(word.unicodeScalars)
        var cells = 0
        var fits = 0          // scalars that fit
        var lastBreak = 0     // scalars up to and including the last `:` or `/` that fits
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\u{1B}" {
                index += escapeLength(scalars[index...])
                fits = index
                continue
            }
            let w = DisplayWidth.of(scalars[index])
            if cells + w > room { break }
            cells += w
            index += 1
            fits = index
            if scalars[index - 1] == ":" || scalars[index - 1] == "/" { lastBreak = index }
        }
        let cut = lastBreak > 0 ? lastBreak : max(fits, 1)
        var head = "", tail = ""
        head.unicodeScalars.append(contentsOf: scalars[..<cut])
        tail.unicodeScalars.append(contentsOf: scalars[cut...])
        return (head, tail)
    }
}
