import Testing
import LabKit

/// The `fix-rbe-wildcard` lab grades soundly.
@Suite struct FixRBEWildcardLabTests {
    static let clicks = "arn:aws:kinesis:us-east-1:111122223333:stream/clicks"
    static let alerts = "arn:aws:kinesis:us-east-1:111122223333:stream/alerts"
    let lab: Lab
    let grader: Grader

    init() throws {
        lab = try CourseLabs.lab("fix-rbe-wildcard")
        grader = Grader(definition: lab.definition)
    }

    @Test func referenceSolutionPasses() {
        let report = grader.grade(lab.solution, name: "solution.json")
        #expect(report.passed, "\(report.failedChecks.map(\.message))")
    }

    @Test func starterFailsOnEveryRiskItCarries() {
        let report = grader.grade(lab.starter, name: "starter.json")
        let failed = Set(report.failedChecks.map(\.id))
        #expect(failed.isSuperset(of: ["cannot-delete-billing", "exactly-analytics", "analytics-workload", "no-security-warnings"]))
    }

    @Test("Correct variants pass", arguments: [
        policy(allow(["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream"], [clicks]), allow(["kinesis:PutRecord*"], [alerts])),
        policy(allow(["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords"], [clicks]),
               allow(["kinesis:PutRecord", "kinesis:PutRecords", "kinesis:DescribeStream", "kinesis:ListShards"], [alerts]),
               allow(["kinesis:ListStreams"], ["*"])),
    ])
    func correctVariantPasses(submission: String) {
        let report = grader.grade(submission, name: "variant")
        #expect(report.passed, "\(report.failedChecks.map { "\($0.id): \($0.message)" })")
    }

    @Test("Over-broad variants fail", arguments: [
        (policy(allow(["kinesis:*"], [clicks, alerts])), "exactly-analytics"),
        // Get* also grants GetResourcePolicy.
        (policy(allow(["kinesis:Get*", "kinesis:DescribeStream"], [clicks]), allow(["kinesis:PutRecord*"], [alerts])), "exactly-analytics"),
        (policy(allow(["kinesis:Get*", "kinesis:DescribeStream"], [clicks]), allow(["kinesis:Put*"], [alerts])), "exactly-analytics"),
        (policy(allow(["kinesis:Get*", "kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"], ["arn:aws:kinesis:us-east-1:111122223333:stream/*"])),
         "cannot-read-billing"),
        (policy(allow(["kinesis:Get*", "kinesis:DescribeStream"], [clicks]), allow(["kinesis:PutRecord", "kinesis:PutRecords", "kinesis:DeleteStream"], ["*"])),
         "cannot-delete-billing"),
        (policy(allow(["kinesis:DescribeStream", "kinesis:GetShardIterator"], [clicks]), allow(["kinesis:PutRecord", "kinesis:PutRecords"], [alerts])),
         "reads-clicks"),
    ])
    func overBroadVariantFails(submission: String, check: String) {
        let report = grader.grade(submission, name: "variant")
        #expect(report.checks.first { $0.id == check }?.passed == false)
        #expect(!report.passed)
    }

    @Test func workloadReadsTheTenClicksInOrder() throws {
        let report = grader.grade(lab.solution, name: "solution.json")
        let workload = try #require(report.checks.first { $0.id == "analytics-workload" })
        #expect(workload.passed)
        #expect(workload.message.contains("4 steps"))
    }
}
