@testable import IAMPolicy

/// A test policy whose expected finding span is marked with `⟦` and `⟧` inside the text.
struct MarkedPolicy: Sendable, CustomStringConvertible {
    /// The text without markers.
    let text: String
    /// `line:column` of the first marked character, if marked.
    let start: String?
    /// `line:column` just past the last marked character (exclusive), if marked.
    let end: String?

    init(_ marked: String) {
        var out = ""
        var line = 1, column = 1
        var start: String?, end: String?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦": start = "\(line):\(column)"
            case "⟧": end = "\(line):\(column)"
            default:
                out.unicodeScalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
        self.text = out
        self.start = start
        self.end = end
    }

    var description: String { text }

    /// A policy document with `statements` (the text between `[` and `]`).
    static func document(_ statements: String, version: String? = "2012-10-17") -> MarkedPolicy {
        let versionLine = version.map { "  \"Version\": \"\($0)\",\n" } ?? ""
        return MarkedPolicy("{\n\(versionLine)  \"Statement\": [\n\(statements)\n  ]\n}")
    }

    /// Validates the unmarked text.
    func findings(_ type: PolicyType = .identity, options: PolicyValidator.Options = .init()) -> [Finding] {
        PolicyValidator(options: options).validate(text, type: type)
    }
}
