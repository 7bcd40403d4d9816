import LabKit
@testable import LabCLI

/// Helpers for rendering tests.
enum RenderingSupport {
    static let colour = TerminalStyle(enabled: true)

    /// `markdown` rendered at `width`.
    static func render(_ markdown: String, width: Int, style: TerminalStyle = .plain) -> [String] {
        MarkdownRenderer(width: width, style: style).render(MarkdownDocument(parsing: markdown))
    }

    /// `text` without ANSI escape sequences.
    static func stripped(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The cells a rendered line takes on screen.
    static func visibleWidth(_ line: String) -> Int {
        DisplayWidth.of(text: stripped(line))
    }
}
