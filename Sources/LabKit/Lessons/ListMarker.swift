/// The marker that starts a list item: `-`, `*` or `+`, or a number followed by `.` or `)`,
/// then a space or the end of the line.
struct ListMarker: Hashable {
    /// The spaces before the marker.
    var indent: Int
    /// The number of an ordered item; `nil` for a bullet.
    var number: Int?
    /// Characters from the start of the line to the item's text.
    var contentOffset: Int
    /// The column (0-based) where continuation lines of the item's text begin.
    var contentIndent: Int { contentOffset }

    /// Whether the item is numbered.
    var isOrdered: Bool { number != nil }

    /// The marker at the start of `line`, if there is one.
    init?(_ line: SourceLine) {
        let indent = line.indent
        let rest = line.content
        guard let first = rest.first else { return nil }
        var width: Int
        var number: Int?
        if first == "-" || first == "*" || first == "+" {
            width = 1
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count) else { return nil }
            let after = rest.dropFirst(digits.count).first
            guard after == "." || after == ")" else { return nil }
            number = Int(digits)
            width = digits.count + 1
        }
        let afterMarker = rest.dropFirst(width)
        guard afterMarker.isEmpty || afterMarker.first == " " else { return nil }
        let spaces = afterMarker.prefix { $0 == " " }.count
        // One space is the separator; more than four means the text starts after one.
        let gap = afterMarker.allSatisfy { $0 == " " } || spaces > 4 ? 1 : spaces
        self.indent = indent
        self.number = number
        self.contentOffset = indent + width + min(gap, afterMarker.count)
    }
}
