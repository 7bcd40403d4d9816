import LabKit

/// The end of the course as text: a table of scores, a line of totals, and the certificate
/// (plain text, 72 columns, for the learner to keep).
struct CourseCompletion {
    /// The scores, attempts, hints and times.
    var summary: CourseSummary
    /// Who finished (the login name), if known.
    var learner: String?
    /// The attempt log's head when the course was finished, as evidence.
    var log: LogHead
    /// The course's title (and version, when it has one), as the certificate names it.
    var course = "Amazon Kinesis Data Streams security"

    /// One row per lab: score, attempts, hints, and whether the solution was seen.
    var table: TextTable {
        TextTable(columns: [
            .init(header: "LAB"), .init(header: "SCORE", label: "score"), .init(header: "ATTEMPTS", label: "attempts"),
            .init(header: "HINTS", label: "hints"), .init(header: "", label: ""),
        ], rows: summary.rows.map { row in
            [.init(row.lab, .bold), .init("\(row.bestScore)/\(row.maxScore)", row.bestScore == row.maxScore ? .green : .yellow),
             .init(String(row.attempts)), .init(String(row.hintsUsed)),
             .init(row.solutionViewed ? "solution seen" : "", .dim)]
        })
    }

    /// `Score 210/214, 40 attempts, 12 hints, 1 solution seen; 3 days 4 h from your first step to the last lab.`
    var totals: String {
        var parts = ["Score \(summary.score)/\(summary.maxScore)", Self.count(summary.attempts, "attempt"),
                     Self.count(summary.hintsUsed, "hint")]
        if summary.solutionsSeen > 0 { parts.append(Self.count(summary.solutionsSeen, "solution") + " seen") }
        let time = summary.seconds.map { "; " + CourseSummary.describe(seconds: $0) + " from your first step to the last lab" } ?? ""
        return parts.joined(separator: ", ") + time + "."
    }

    /// The certificate's text.
    var certificate: String {
        let finished = summary.finishedAt.map { String($0.iso8601.prefix(10)) } ?? "?"
        var lines = [
            "kdslab — \(course)",
            "Certificate of completion",
            String(repeating: "=", count: 44),
            "",
            "\(learner ?? "The learner") passed all \(summary.rows.count) labs of the course on \(finished) (UTC).",
            "",
        ]
        if let started = summary.startedAt { lines.append("Started:   \(started.iso8601)") }
        if let finishedAt = summary.finishedAt { lines.append("Finished:  \(finishedAt.iso8601)") }
        if let seconds = summary.seconds { lines.append("Time:      \(CourseSummary.describe(seconds: seconds))") }
        lines += [
            "Score:     \(summary.score)/\(summary.maxScore)",
            "Attempts:  \(summary.attempts)",
            "Hints:     \(summary.hintsUsed)",
            "Solutions seen: \(summary.solutionsSeen)",
            "",
        ]
        lines += table.render(width: 100, style: .plain)
        lines += [
            "",
            "Evidence: attempts.log, \(log.lines) lines; its last line's SHA-256 is",
            "\(log.lastLineSHA256).",
            "`kdslab progress` checks that the log is intact.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
