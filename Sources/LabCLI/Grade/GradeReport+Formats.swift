import AWSWire
import IAMPolicy
import LabKit

/// Machine-readable renderings of grade reports: JSON, JUnit XML and CSV.
extension GradeReport {
    /// The report as JSON: `submission`, `lab`, `passed`, `score`, `maxScore`, `checks`
    /// (each `id`, `kind`, `passed`, `points`, `maxPoints`, `message`, and `line`/`column`
    /// when it points into the submission), and `error` when the submission could not be read.
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("submission", .string(submission)),
            ("lab", .string(lab)),
            ("passed", .bool(passed)),
            ("score", .number(score)),
            ("maxScore", .number(maxScore)),
        ]
        if let error {
            var e: [(String, JSONValue)] = [("message", .string(error.message))]
            if error.line > 0 {
                e.append(("line", .number(error.line)))
                e.append(("column", .number(error.column)))
            }
            members.append(("error", .object(e)))
        }
        members.append(("checks", .array(checks.map(\.jsonValue))))
        return .object(members)
    }

    /// A JUnit `<testsuite>` for this submission: one `<testcase>` per check.
    func junitSuite(indent: String = "  ") -> String {
        let failures = checks.filter { !$0.passed }.count
        var out = "\(indent)<testsuite name=\"\(XML.escape(submission))\" tests=\"\(checks.count)\" failures=\"\(error == nil ? failures : 0)\" errors=\"\(error == nil ? 0 : checks.count)\">\n"
        for c in checks {
            out += "\(indent)  <testcase classname=\"\(XML.escape(lab)).\(XML.escape(c.kind))\" name=\"\(XML.escape(c.id))\">\n"
            if let error {
                out += "\(indent)    <error message=\"\(XML.escape(error.description))\"/>\n"
            } else if !c.passed {
                let body = ([c.message] + c.details).joined(separator: "\n")
                out += "\(indent)    <failure message=\"\(XML.escape(c.message))\">\(XML.escape(body))</failure>\n"
            }
            out += "\(indent)  </testcase>\n"
        }
        return out + "\(indent)</testsuite>\n"
    }

    /// One CSV row: submission, score, max, passed, failed check ids (`;`-separated).
    var csvRow: String {
        let failed = error != nil ? ["(submission could not be read)"] : failedChecks.map(\.id)
        return [submission, String(score), String(maxScore), passed ? "true" : "false", failed.joined(separator: ";")]
            .map(CSV.field).joined(separator: ",")
    }

    /// The CSV header matching ``csvRow``.
    static let csvHeader = "submission,score,max,passed,failed_checks"
}

extension CheckResult {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("kind", .string(kind)),
            ("title", .string(title)),
            ("passed", .bool(passed)),
            ("points", .number(points)),
            ("maxPoints", .number(maxPoints)),
            ("message", .string(message)),
        ]
        if !details.isEmpty { members.append(("details", .array(details.map { .string($0) }))) }
        if let line, let column {
            members.append(("line", .number(line)))
            members.append(("column", .number(column)))
        }
        return .object(members)
    }
}

/// XML text and attribute escaping (the wire codec's).
enum XML {
    static func escape(_ s: String) -> String { XMLNode.escape(s) }
}

/// RFC 4180 fields.
enum CSV {
    static func field(_ s: String) -> String {
        // A leading =, +, - or @ would be a formula in a spreadsheet: neutralise it.
        var value = s
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
