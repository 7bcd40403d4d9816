import LabKit

/// The text of `kdslab progress`: a table of labs, then the log check.
struct ProgressRenderer {
    /// Colours, or none.
    var style: TerminalStyle

    /// The lines to print.
    func render(_ rows: [ProgressRow], verification: LogVerification, root: String) -> [String] {
        var lines = ["Progress in \(root)", ""]
        if rows.isEmpty {
            lines.append("No progress yet.")
        } else {
            let table = [["LAB", "STATUS", "BEST", "ATTEMPTS", "HINTS"]] + rows.map { row in
                let p = row.progress
                let best = p.bestScore.map { score in p.maxScore.map { "\(score)/\($0)" } ?? "\(score)" } ?? "-"
                let lab = row.title.map { "\(row.id)  \($0)" } ?? row.id
                return [lab, Self.label(p), best, String(p.attempts), String(p.hintsUsed)]
            }
            let widths = (0..<5).map { column in table.map { Self.width($0[column]) }.max() ?? 0 }
            for (n, cells) in table.enumerated() {
                var text = ""
                for (column, cell) in cells.enumerated() {
                    let padded = column == 4 ? cell
                        : cell + String(repeating: " ", count: widths[column] - Self.width(cell) + 2)
                    text += n == 0 ? style.bold(padded) : column == 1 ? colour(padded, rows[n - 1].progress) : padded
                }
                lines.append(text)
            }
        }
        lines.append("")
        lines.append(verification.isIntact ? verification.description : style.red(verification.description))
        return lines
    }

    /// `not started`, `in progress`, `passed`, `passed (solution seen)` or `gave up`.
    static func label(_ p: LabProgress) -> String {
        switch p.status {
        case .notStarted: "not started"
        case .inProgress: "in progress"
        case .passed: p.solutionViewed ? "passed (solution seen)" : "passed"
        case .gaveUp: "gave up"
        }
    }

    private static func width(_ text: String) -> Int {
        DisplayWidth.of(Substring(text).unicodeScalars)
    }

    private func colour(_ text: String, _ p: LabProgress) -> String {
        switch p.status {
        case .passed: style.green(text)
        case .gaveUp: style.yellow(text)
        case .inProgress: style.cyan(text)
        case .notStarted: style.dim(text)
        }
    }
}
