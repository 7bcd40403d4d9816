extension LineRenderer {
    /// Completion candidates in columns that fit `width`, ordered down each column as `ls`
    /// does, as lines ending in `\r\n` (the terminal is in raw mode).
    static func candidateList(_ candidates: [String], width: Int) -> String {
        guard !candidates.isEmpty else { return "" }
        let widths = candidates.map { DisplayWidth.of(Substring($0).unicodeScalars) }
        let columnWidth = (widths.max() ?? 0) + 2
        let columns = max(1, max(width, 1) / columnWidth)
        let rows = (candidates.count + columns - 1) / columns
        var out = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < candidates.count else { break }
                let isLast = (column + 1) * rows + row >= candidates.count
                line += candidates[index]
                if !isLast { line += String(repeating: " ", count: columnWidth - widths[index]) }
            }
            out += line + "\r\n"
        }
        return out
    }
}
