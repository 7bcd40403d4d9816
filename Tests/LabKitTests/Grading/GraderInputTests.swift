import Testing
import LabKit

/// Bad submissions are failed grades that say what and where, never crashes.
@Suite struct GraderInputTests {
    let grader: Grader

    init() throws {
        grader = Grader(definition: try CourseLabs.lab("producer-only").definition)
    }

    @Test("Unreadable submissions", arguments: [
        ("", "empty", 0),
        ("   \n\t\n", "empty", 0),
        ("{\"Version\": \"2012-10-17\",\n  \"Statement\": [", "unexpected end of input", 2),
        ("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"kinesis:PutRecord\"}}", "Resource", 1),
        ("{\"Statement\": [{\"Effect\": \"Permit\", \"Action\": \"kinesis:PutRecord\", \"Resource\": \"*\"}]}", "Effect", 1),
        ("[1, 2, 3]", "must be a JSON object", 1),
        ("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kinesis:*\", \"Resource\": \"*\"}]}",
         "principal", 1),
    ])
    func unreadable(text: String, mentions: String, line: Int) throws {
        let report = grader.grade(text, name: "bad.json")
        #expect(!report.passed)
        #expect(report.score == 0)
        let error = try #require(report.error)
        #expect(error.message.lowercased().contains(mentions.lowercased()), "\(error.message)")
        #expect(error.line == line)
        #expect(report.checks.count == grader.definition.checks.count)
        #expect(report.checks.allSatisfy { !$0.passed && $0.message.hasPrefix("not graded") })
    }

    @Test func oversizedSubmissionIsRefused() {
        let text = "{\"Version\": \"2012-10-17\", \"Statement\": [" + String(repeating: " ", count: 200_000) + "]}"
        let report = grader.grade(text, name: "big.json")
        #expect(report.error?.message.contains("larger than") == true)
    }

    @Test func deeplyNestedInputDoesNotCrash() {
        let text = String(repeating: "[", count: 100_000)
        let report = grader.grade(text, name: "deep.json")
        #expect(report.error != nil)
    }
}
