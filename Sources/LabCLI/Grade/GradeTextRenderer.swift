import LabKit

/// Grade reports for people: one line per submission with its score, then each check
/// (all of them for a single submission, the failing ones for a class).
struct GradeTextRenderer {
    let style: TerminalStyle

    func render(_ reports: [GradeReport]) -> String {
        var out = ""
        let single = reports.count == 1
        for r in reports {
            let mark = r.passed ? style.green("PASS") : style.red("FAIL")
            out += "\(mark) \(style.bold(r.submission))  \(r.score)/\(r.maxScore)\n"
            if let e = r.error {
                out += "     \(style.red("error")): \(e)\n"
                continue
            }
            for c in r.checks where single || !c.passed {
                let m = c.passed ? style.green("✔") : style.red("✘")
                let at = c.line.map { " (line \($0))" } ?? ""
                out += "  \(m) \(c.id) [\(c.points)/\(c.maxPoints)]\(at): \(c.message)\n"
                if !c.passed {
                    for d in c.details.prefix(5) { out += "      \(style.dim("·")) \(d)\n" }
                    if c.details.count > 5 { out += "      \(style.dim("· … \(c.details.count - 5) more"))\n" }
                }
            }
        }
        if !single {
            let passed = reports.filter(\.passed).count
            out += "\n\(passed) of \(reports.count) submissions passed.\n"
        }
        return out
    }
}
