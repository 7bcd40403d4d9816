import IAMPolicy

/// Renders verdicts for a terminal: a coloured verdict line, the explanation, and the
/// statements it mentions as `FILE:LINE` with their first lines of source.
struct VerdictRenderer {
    /// Colour or not.
    var style: TerminalStyle
    /// Each policy's text by its id, for source excerpts.
    var sources: [String: String]

    /// Lines of a statement shown under a detail.
    static let statementLines = 6

    /// The lines for one verdict (no trailing blank line).
    func render(_ verdict: Verdict) -> [String] {
        let r = verdict.result
        let head: String
        switch r.decision {
        case .allowed: head = style.green("✔ allowed")
        case .explicitDeny: head = style.red("✘ explicitDeny")
        case .implicitDeny: head = style.yellow("✘ implicitDeny")
        }
        var out = [head + "  " + style.bold("\(r.request.action) on \(r.request.resource)")]
        out.append("  " + verdict.explanation.summary)
        for detail in verdict.explanation.details {
            out.append("  - " + detail.text)
            guard let id = detail.policyId, let range = detail.range else { continue }
            out.append("    " + style.cyan("\(id):\(range.start.line)"))
            if let text = sources[id] {
                let excerpt = SourceExcerpt(text).lines(of: range, maxLines: Self.statementLines, style: style, dimmed: true)
                out += excerpt.map { "    " + $0 }
            }
        }
        if let denied = verdict.accessDenied {
            out.append("  " + style.dim(denied))
        }
        return out
    }

    /// Every verdict, separated by blank lines.
    func render(_ verdicts: [Verdict]) -> String {
        verdicts.map { render($0).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }
}
