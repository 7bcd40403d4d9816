import LabKit

/// The text of `kdslab progress`: a table of labs that fits the terminal's width, then the
/// log check.
struct ProgressRenderer {
    /// Colours, or none.
    var style: TerminalStyle
    /// The terminal's width: the table shrinks, then stacks, to fit it.
    var width: Int = 80

    /// The lines to print.
    func render(_ rows: [ProgressRow], verification: LogVerification, root: String) -> [String] {
        var lines = ["Progress in \(root)", ""]
        if rows.isEmpty {
            lines.append("No progress yet.")
        } else {
            let titled = rows.contains { $0.title != nil }
            let columns: [TextTable.Column] = [.init(header: "LAB")]
                + (titled ? [.init(header: "TITLE", wraps: true, droppable: true)] : [])
                + [.init(header: "STATUS"), .init(header: "BEST", label: "best"),
                   .init(header: "ATTEMPTS", label: "attempts"), .init(header: "HINTS", label: "hints")]
            let cells: [[TextTable.Cell]] = rows.map { row in
                let p = row.progress
                let best = p.bestScore.map { score in p.maxScore.map { "\(score)/\($0)" } ?? "\(score)" } ?? "-"
                return [.init(row.id, .bold)] + (titled ? [.init(row.title ?? "")] : [])
                    + [.init(Self.label(p), tint(p)), .init(best), .init(String(p.attempts)), .init(String(p.hintsUsed))]
            }
            lines += TextTable(columns: columns, rows: cells, headCells: titled ? 2 : 1)
                .render(width: width, style: style)
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

    private func tint(_ p: LabProgress) -> TextTable.Tint {
        switch p.status {
        case .passed: .green
        case .gaveUp: .yellow
        case .inProgress: .cyan
        case .notStarted: .dim
        }
    }
}
