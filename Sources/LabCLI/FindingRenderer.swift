import IAMPolicy

/// Renders findings like a compiler: `FILE:LINE:COL: TYPE CODE: details`, the policy's
/// lines with the span underlined, and a summary line.
struct FindingRenderer {
    /// Colour or not.
    var style: TerminalStyle
    /// The policy that was validated.
    var file: SourceFile

    /// Locations shown per finding.
    static let maxLocations = 3

    /// Everything to print, ending with the summary line.
    func render(_ findings: [Finding]) -> String {
        let excerpt = SourceExcerpt(file.text)
        var blocks: [String] = []
        for finding in findings {
            let paint = colour(finding.findingType)
            let start = finding.span.start
            var lines = [style.bold("\(file.name):\(start.line):\(start.column):") + " "
                + paint(finding.findingType.rawValue) + " " + style.bold(finding.issueCode.rawValue + ":")
                + " " + finding.findingDetails]
            for location in finding.locations.prefix(Self.maxLocations) {
                lines += excerpt.underlined(location.span, style: style, mark: paint)
            }
            if !finding.learnMoreLink.isEmpty {
                lines.append(style.dim("   = learn more: \(finding.learnMoreLink)"))
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        blocks.append(summary(findings))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// `N findings: a errors, b security warnings, c warnings, d suggestions`, or `no findings`.
    func summary(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return style.green("no findings") }
        func count(_ type: FindingType, _ singular: String) -> String {
            let n = findings.filter { $0.findingType == type }.count
            return "\(n) \(singular)\(n == 1 ? "" : "s")"
        }
        let head = "\(findings.count) finding\(findings.count == 1 ? "" : "s")"
        return style.bold(head) + ": " + [
            count(.error, "error"), count(.securityWarning, "security warning"),
            count(.warning, "warning"), count(.suggestion, "suggestion"),
        ].joined(separator: ", ")
    }

    private func colour(_ type: FindingType) -> (String) -> String {
        let s = style
        switch type {
        case .error: return { s.red($0) }
        case .securityWarning: return { s.magenta($0) }
        case .warning: return { s.yellow($0) }
        case .suggestion: return { s.cyan($0) }
        }
    }
}
