extension StringProtocol {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> SubSequence {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? start
        return self[start..<end]
    }

    /// The text without leading and trailing spaces and newlines.
    func trimmingSpacesAndNewlines() -> SubSequence {
        let start = firstIndex { $0 != " " && $0 != "\n" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\n" }.map(index(after:)) ?? start
        return self[start..<end]
    }

    /// The text without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? startIndex
        return String(self[..<end])
    }

    /// The text with each tab replaced by spaces up to the next multiple of four columns.
    func replacingTabs() -> String {
        var out = ""
        var column = 0
        for c in self {
            if c == "\t" {
                let n = 4 - column % 4
                out += String(repeating: " ", count: n)
                column += n
            } else {
                out.append(c)
                column += 1
            }
        }
        return out
    }
}
