import Testing
import LabKit

/// The `producer-only` lab grades soundly: the solution and other correct answers pass;
/// over-broad and incomplete ones fail with a message that names the problem.
@Suite struct ProducerOnlyLabTests {
    static let orders = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
    let lab: Lab
    let grader: Grader

    init() throws {
        lab = try CourseLabs.lab("producer-only")
        grader = Grader(definition: lab.definition)
    }

    @Test func referenceSolutionPassesEveryCheck() {
        let report = grader.grade(lab.solution, name: "solution.json")
        #expect(report.passed, "\(report.failedChecks.map(\.message))")
        #expect(report.score == report.maxScore)
    }

    @Test func starterFails() {
        let report = grader.grade(lab.starter, name: "starter.json")
        #expect(!report.passed)
        #expect(report.failedChecks.map(\.id).contains("can-put-record"))
    }

    @Test("Correct variants pass", arguments: [
        // One action per statement.
        policy(allow(["kinesis:DescribeStream"], [orders]), allow(["kinesis:PutRecord"], [orders]), allow(["kinesis:PutRecords"], [orders])),
        // The optional extras the lab allows.
        policy(allow(["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords"], [orders]),
               allow(["kinesis:ListStreams"], ["*"])),
        // PutRecord* is exactly PutRecord and PutRecords.
        policy(allow(["kinesis:DescribeStream", "kinesis:PutRecord*"], [orders])),
        // Action names are case-insensitive.
        policy(allow(["Kinesis:describestream", "kinesis:PUTRECORD", "kinesis:PutRecords"], [orders])),
        // Discovery is one of DescribeStream, DescribeStreamSummary or ListShards (issue 13): the KPL's ListShards,
        policy(allow(["kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords"], [orders])),
        // or DescribeStreamSummary alone.
        policy(allow(["kinesis:DescribeStreamSummary"], [orders]), allow(["kinesis:PutRecord", "kinesis:PutRecords"], [orders])),
    ])
    func correctVariantPasses(submission: String) {
        let report = grader.grade(submission, name: "variant")
        #expect(report.passed, "\(report.failedChecks.map { "\($0.id): \($0.message)" })")
    }

    @Test("Wrong variants fail with a message naming the problem", arguments: [
        (policy(allow(["kinesis:DescribeStream", "kinesis:Put*"], [orders])), "exactly-producer", "PutResourcePolicy"),
        (policy(allow(["kinesis:*"], [orders])), "cannot-read", "GetRecords"),
        (policy(allow(["kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"], ["*"])), "cannot-touch-payments", "payments"),
        (policy(allow(["kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"], ["arn:aws:kinesis:*:111122223333:stream/orders"])),
         "exactly-producer", "us-west-2"),
        (policy(allow(["kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"], ["arn:aws:kinesis:us-east-1:*:stream/orders"])),
         "exactly-producer", "999988887777"),
        (policy(allow(["kinesis:DescribeStream", "kinesis:PutRecord"], [orders])), "can-put-records", "PutRecords"),
        (policy(allow(["kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords", "kinesis:GetRecords", "kinesis:GetShardIterator"], [orders])),
         "cannot-read", "GetRecords"),
        (policy(allow(["kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"], [orders]), allow(["s3:*"], ["*"])),
         "exactly-producer", "s3:*"),
        (policy(allow(["kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"], [orders]), allow(["kms:*"], ["*"])),
         "exactly-producer", "kms:"),
        (policy("    {\"Effect\": \"Allow\", \"NotAction\": \"kinesis:GetRecords\", \"Resource\": \"\(orders)\"}"),
         "exactly-producer", "NotAction"),
        // No way to find the shards: the one-of requirement names all three actions.
        (policy(allow(["kinesis:PutRecord", "kinesis:PutRecords"], [orders])),
         "exactly-producer", "is not granted any of kinesis:DescribeStream, kinesis:DescribeStreamSummary or kinesis:ListShards"),
    ])
    func wrongVariantFails(submission: String, check: String, mentions: String) throws {
        let report = grader.grade(submission, name: "variant")
        #expect(!report.passed)
        let failed = try #require(report.checks.first { $0.id == check })
        #expect(!failed.passed, "\(check) should fail")
        #expect((failed.message + failed.details.joined()).contains(mentions), "\(failed.message)")
    }

    @Test func extraGrantsPointAtTheStatementThatGrantsThem() throws {
        let text = policy(allow(["kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"], [Self.orders], sid: "Produce"),
                          allow(["kinesis:DeleteStream"], [Self.orders], sid: "Oops"))
        let report = grader.grade(text, name: "variant")
        let check = try #require(report.checks.first { $0.id == "exactly-producer" })
        #expect(!check.passed)
        #expect(check.message.contains("kinesis:DeleteStream"))
        #expect(check.message.contains("statement \"Oops\", line 5"))
        #expect(check.line == 5)
    }

    @Test func workloadShowsTheDeniedCallAndWhy() throws {
        let text = policy(allow(["kinesis:DescribeStream", "kinesis:PutRecord"], [Self.orders]))
        let report = grader.grade(text, name: "variant")
        let check = try #require(report.checks.first { $0.id == "producer-workload" })
        #expect(!check.passed)
        // Step 2: the look-up step went when discovery became one of three actions (issue 13).
        #expect(check.message.contains("step 2"))
        #expect(check.message.contains("PutRecords should give success but gave AccessDeniedException"))
    }

    @Test func shippedMutantsFailTheChecksTheyName() {
        for mutant in lab.mutants {
            let report = grader.grade(mutant.text, name: mutant.name)
            for id in mutant.mustFail {
                #expect(report.checks.first { $0.id == id }?.passed == false, "\(mutant.name) should fail \(id)")
            }
        }
    }

    @Test func gradingIsDeterministic() {
        let text = policy(allow(["kinesis:DescribeStream", "kinesis:Put*"], [Self.orders]))
        #expect(grader.grade(text, name: "a") == grader.grade(text, name: "a"))
    }
}
