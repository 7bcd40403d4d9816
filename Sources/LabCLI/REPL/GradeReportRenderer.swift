import IAMPolicy
import LabKit

/// A grade report for the terminal: a score line, then each check with a ✔ or ✘ mark; a
/// failing check gets its message, its first details (a quiz: every wrong answer) and the
/// draft's lines it points at.
struct GradeReportRenderer {
    /// Colour or not.
    var style: TerminalStyle
    /// The terminal's width: messages wrap to it with a hanging indent.
    var width: Int = 100
    /// Details shown under a failing check.
    static let maxDetails = 3

    /// The lines for `report` of the draft `text`; `recorded` says whether it was an attempt.
    func render(_ report: GradeReport, text: String, recorded: Bool) -> [String] {
        let excerpt = SourceExcerpt(text, maxWidth: width - 12)
        var out: [String] = []
        if let error = report.error {
            out.append(style.red("✘ ") + "Your draft cannot be graded: " + error.message)
            if error.line > 0 {
                out += underline(excerpt, line: error.line, column: error.column)
            }
            return out
        }
        let verdict = report.passed ? style.green("passed") : style.yellow("not passed yet")
        out.append(style.bold("\(report.lab): \(report.score)/\(report.maxScore)") + " — " + verdict
                   + (recorded ? "" : style.dim(" (checked, not recorded; `submit` records it)")))
        for check in report.checks {
            let points = style.dim("(\(check.points)/\(check.maxPoints))")
            if check.passed {
                out.append("  " + style.green("✔") + " " + check.title + " " + points)
                // A quiz's explanations are the lesson: show them once every answer is right.
                if check.kind == "choice" {
                    for detail in check.details { out += wrapped(detail, first: "    - ", rest: "      ") }
                }
                continue
            }
            out.append("  " + style.red("✘") + " " + style.bold(check.title) + " " + points)
            out += wrapped(check.message, first: "    ", rest: "    ")
            // A quiz's details are its wrong answers, one each (unanswered ones together): all of them.
            let quiz = check.kind == "choice" || check.kind == "predict"
            for detail in quiz ? check.details : Array(check.details.prefix(Self.maxDetails)) {
                out += wrapped(detail, first: "    - ", rest: "      ")
            }
            if let line = check.line {
                out += underline(excerpt, line: line, column: check.column ?? 1).map { "  " + $0 }
            }
        }
        return out
    }

    /// `text` word-wrapped to the width, the first line after `first`, the others after
    /// `rest` (a long ARN is cut after a `:` or `/`).
    func wrapped(_ text: String, first: String, rest: String) -> [String] {
        TextWrapper(width: width).wrapLine(first + text, hang: rest.count)
    }

    /// The draft's line `line` with a caret under `column`.
    func underline(_ excerpt: SourceExcerpt, line: Int, column: Int) -> [String] {
        guard line >= 1, line <= excerpt.lines.count else { return [] }
        let position = SourcePosition(line: line, column: max(column, 1), offset: 0)
        return excerpt.underlined(SourceRange(at: position), maxLines: 1, style: style) { style.red($0) }
    }
}
