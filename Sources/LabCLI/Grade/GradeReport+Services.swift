import IAMPolicy
import LabKit

/// The shapes autograding services read: Gradescope's `results.json`, exercism's version 3
/// `results.json`, and SARIF 2.1.0 for code-scanning tools.
extension GradeReport {
    /// Gradescope's autograder `results.json`: a score, and one test per check.
    var gradescopeValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("score", .number(score)),
            ("max_score", .number(maxScore)),
        ]
        if let error {
            members.append(("output", .string("Your submission could not be graded: \(error)")))
        } else {
            members.append(("output", .string(passed ? "Every check passed." : "\(failedChecks.count) of \(checks.count) checks failed.")))
        }
        members.append(("tests", .array(checks.enumerated().map { i, c in
            .object([
                ("name", .string(c.title)),
                ("number", .string(String(i + 1))),
                ("score", .number(c.points)),
                ("max_score", .number(c.maxPoints)),
                ("status", .string(c.passed ? "passed" : "failed")),
                ("output", .string(([c.message] + (c.passed ? [] : c.details)).joined(separator: "\n"))),
                ("tags", .array([.string(c.kind)])),
                ("visibility", .string("visible")),
            ])
        })))
        return .object(members)
    }

    /// exercism's test-runner `results.json`, version 3: `pass`, `fail` or `error` overall,
    /// and one test per check.
    var exercismValue: JSONValue {
        var members: [(String, JSONValue)] = [("version", .number(3))]
        if let error {
            members.append(("status", .string("error")))
            members.append(("message", .string("Your submission could not be graded: \(error)")))
            members.append(("tests", .array([])))
            return .object(members)
        }
        members.append(("status", .string(passed ? "pass" : "fail")))
        members.append(("tests", .array(checks.map { c in
            var test: [(String, JSONValue)] = [
                ("name", .string(c.title)),
                ("status", .string(c.passed ? "pass" : "fail")),
            ]
            if !c.passed { test.append(("message", .string(([c.message] + c.details).joined(separator: "\n")))) }
            test.append(("test_code", .string("\(c.kind) check `\(c.id)`")))
            return .object(test)
        })))
        return .object(members)
    }
}

/// SARIF 2.1.0: one run, a rule per check, a result per failing check (or unreadable
/// submission) located in the submission's file.
enum SARIFLog {
    static func log(lab: Lab, reports: [(report: GradeReport, path: String?)], version: String) -> JSONValue {
        var rules: [JSONValue] = [.object([
            ("id", .string("\(lab.id)/submission")),
            ("name", .string("SubmissionReadable")),
            ("shortDescription", .object([("text", .string("The submission is a well-formed policy (or answers file)"))])),
        ])]
        for c in lab.definition.checks {
            rules.append(.object([
                ("id", .string("\(lab.id)/\(c.id)")),
                ("name", .string(c.id)),
                ("shortDescription", .object([("text", .string(c.title))])),
                ("properties", .object([("kind", .string(c.kindName)), ("points", .number(c.points))])),
            ]))
        }
        var results: [JSONValue] = []
        for (report, path) in reports {
            func result(rule: String, message: String, line: Int?, column: Int?) -> JSONValue {
                var location: [(String, JSONValue)] = [("artifactLocation", .object([("uri", .string(path ?? report.submission))]))]
                if let line, line > 0 {
                    location.append(("region", .object([("startLine", .number(line)), ("startColumn", .number(max(column ?? 1, 1)))])))
                }
                return .object([
                    ("ruleId", .string(rule)),
                    ("level", .string("error")),
                    ("message", .object([("text", .string(message))])),
                    ("locations", .array([.object([("physicalLocation", .object(location))])])),
                ])
            }
            if let e = report.error {
                results.append(result(rule: "\(lab.id)/submission", message: e.message, line: e.line, column: e.column))
                continue
            }
            for c in report.checks where !c.passed {
                results.append(result(rule: "\(lab.id)/\(c.id)", message: c.message, line: c.line, column: c.column))
            }
        }
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("kdslab")),
                    ("version", .string(version)),
                    ("rules", .array(rules)),
                ]))])),
                ("results", .array(results)),
            ])])),
        ])
    }
}
