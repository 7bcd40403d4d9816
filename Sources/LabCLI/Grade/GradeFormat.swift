/// The shapes `kdslab grade` writes.
enum GradeFormat: String, CaseIterable {
    /// For people: marks, scores and each failing check's message.
    case text
    /// Every submission's report as JSON.
    case json
    /// JUnit XML: a test suite per submission, a test case per check (CI systems read it).
    case junit
    /// One row per learner: submission, score, max, passed, failed checks.
    case csv
    /// Gradescope's autograder `results.json` (one object; an object by submission for several).
    case gradescope
    /// exercism's test-runner `results.json`, version 3 (likewise).
    case exercism
    /// SARIF 2.1.0: failing checks as results located in the submissions, for code scanning.
    case sarif

    /// Reads `--output` (default text).
    static func from(_ raw: String?, command: String) throws(CommandFailure) -> GradeFormat {
        guard let raw else { return .text }
        guard let format = GradeFormat(rawValue: raw.lowercased()) else {
            let valid = allCases.map(\.rawValue).joined(separator: ", ")
            throw .usage("invalid value '\(raw)' for '--output'; valid values: \(valid)", command: command)
        }
        return format
    }
}
