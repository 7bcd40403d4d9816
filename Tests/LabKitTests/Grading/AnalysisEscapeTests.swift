import Foundation
import Testing
@testable import LabKit

/// Insecure answers the prompt audit found passing, each added to a lab's solution: every
/// one must now fail the check named, with a message that shows the way in.
@Suite struct AnalysisEscapeTests {
    /// The lab's solution with `statement` added.
    func solution(_ lab: Lab, plus statement: String) throws -> String {
        let text = lab.solution
        let end = try #require(text.range(of: "]", options: .backwards))
        return text[..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines) + ",\n    " + statement + "\n  ]\n}\n"
    }

    @Test("a role's session name is the caller's choice: an Allow on aws:userid's session part is found")
    func sessionNameIsFree() throws {
        let lab = try CourseLabs.lab("producer-only")
        let text = try solution(lab, plus: #"{"Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders", "Condition": {"StringLike": {"aws:userid": "*:debug-session"}}}"#)
        let report = Grader(definition: lab.definition).grade(text, name: "attack")
        let exact = try #require(report.checks.first { $0.kind == "exact-access" })
        #expect(!exact.passed)
        #expect(exact.message.contains("kinesis:GetRecords") && exact.message.contains("debug-session"), "\(exact.message)")
        #expect(Grader(definition: lab.definition).grade(lab.solution, name: "solution").passed)
    }

    @Test("a stream policy naming a new role of the stream's own account lets someone in")
    func newLocalRoleIsSomeoneElse() throws {
        let lab = try CourseLabs.lab("https-only")
        let text = try solution(lab, plus: #"{"Sid": "NewHire", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/new-hire"}, "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/patient-vitals"}"#)
        let report = Grader(definition: lab.definition).grade(text, name: "attack")
        let failing = report.checks.filter { !$0.passed }
        #expect(failing.contains { $0.message.contains("role/new-hire") && $0.message.contains("kinesis:GetRecords") },
                "\(failing.map(\.message))")
        #expect(Grader(definition: lab.definition).grade(lab.solution, name: "solution").passed)
    }

    @Test("a check through \"some VPC endpoint\" means any endpoint: a Deny that spares one endpoint id is a way round")
    func anyEndpointIsAWayRound() throws {
        let lab = try CourseLabs.lab("explicit-deny-guardrail")
        let text = lab.solution.replacingOccurrences(
            of: #""Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/payments-prod""#,
            with: #""Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/payments-prod", "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0b0b0b0b0b0b0b0b0"}}"#)
        #expect(text != lab.solution)
        let report = Grader(definition: lab.definition).grade(text, name: "attack")
        let check = try #require(report.checks.first { $0.id == "deny-delete-prod-through-endpoint" })
        #expect(!check.passed)
        #expect(check.message.contains("vpce-0b0b0b0b0b0b0b0b0"), "\(check.message)")
        #expect(Grader(definition: lab.definition).grade(lab.solution, name: "solution").passed)
    }

    @Test("a check naming its endpoint pins it: the vpce-only lab's solution, which spares its own endpoint, still passes")
    func namedEndpointStaysPinned() throws {
        let lab = try CourseLabs.lab("vpce-only")
        #expect(Grader(definition: lab.definition).grade(lab.solution, name: "solution").passed)
    }

    @Test("a Deny whose NotAction spares a few actions fails the every-action check, naming one it spares", arguments: ["https-only", "vpce-only"])
    func notActionSparesSome(labName: String) throws {
        let lab = try CourseLabs.lab(labName)
        let text = lab.solution.replacingOccurrences(
            of: #""Action": "kinesis:*""#, with: #""NotAction": ["kinesis:ListShards", "kinesis:DescribeStreamSummary"]"#)
        #expect(text != lab.solution)
        let report = Grader(definition: lab.definition).grade(text, name: "attack")
        let check = try #require(report.checks.first { $0.id.hasPrefix("every-action-") })
        #expect(!check.passed)
        #expect(check.message.contains("kinesis:ListShards") || check.message.contains("kinesis:DescribeStreamSummary"), "\(check.message)")
        let solved = Grader(definition: lab.definition).grade(lab.solution, name: "solution")
        #expect(solved.passed)
        let passed = try #require(solved.checks.first { $0.id.hasPrefix("every-action-") })
        #expect(passed.message.contains("every kinesis:* action"), "\(passed.message)")
    }

    @Test("any account can make a user of a given name: a grant to Principal \"*\" on aws:username lets strangers in")
    func userNameInAnyAccount() throws {
        let lab = try CourseLabs.lab("https-only")
        let text = try solution(lab, plus: #"{"Sid": "Auditor", "Effect": "Allow", "Principal": "*", "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/patient-vitals", "Condition": {"StringEquals": {"aws:username": "vitals-auditor"}}}"#)
        let report = Grader(definition: lab.definition).grade(text, name: "attack")
        let failing = report.checks.filter { !$0.passed }
        #expect(failing.contains { $0.message.contains("user/vitals-auditor") && $0.message.contains("kinesis:GetRecords") },
                "\(failing.map(\.message))")
    }

    @Test("tags change: a grant on aws:ResourceTag reaches today's stream once someone tags it")
    func resourceTagsRangeOverValues() throws {
        let lab = try CourseLabs.lab("producer-only")
        let text = try solution(lab, plus: #"{"Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "checkout"}}}"#)
        let report = Grader(definition: lab.definition).grade(text, name: "attack")
        let exact = try #require(report.checks.first { $0.kind == "exact-access" })
        #expect(!exact.passed)
        #expect(exact.message.contains("kinesis:GetRecords") && exact.message.contains("stream/orders"), "\(exact.message)")
    }

    @Test("principal tags change too: a grant on aws:PrincipalTag reaches the learner's role once it is tagged, or a session passes the tag")
    func principalTagsRangeOverValues() throws {
        let lab = try CourseLabs.lab("producer-only")
        let text = try solution(lab, plus: #"{"Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ops"}}}"#)
        let report = Grader(definition: lab.definition).grade(text, name: "attack")
        let exact = try #require(report.checks.first { $0.kind == "exact-access" })
        #expect(!exact.passed)
        #expect(exact.message.contains("kinesis:GetRecords") && exact.message.contains("aws:principaltag/team=ops"), "\(exact.message)")
    }

    @Test("a partner's future roles are the partner's to grant: ArnLike role/partner-reader* lets in roles not made yet")
    func partnerFutureRoles() throws {
        let lab = try CourseLabs.lab("cross-account-consumer")
        let text = lab.solution.replacingOccurrences(
            of: #""Principal": { "AWS": "arn:aws:iam::444455556666:role/partner-reader" },"#,
            with: #""Principal": "*", "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::444455556666:role/partner-reader*"}},"#)
        #expect(text != lab.solution)
        let report = Grader(definition: lab.definition).grade(text, name: "attack")
        let failing = report.checks.filter { !$0.passed }
        #expect(failing.contains { $0.message.contains("444455556666:role/partner-reader") && $0.message.contains("may kinesis:") },
                "\(failing.map(\.message))")
        #expect(Grader(definition: lab.definition).grade(lab.solution, name: "solution").passed)
    }

    @Test("a grant to one named session of the learner's role is the role's: whoever assumes it may choose that name")
    func namedSessionIsTheRole() throws {
        let lab = try CourseLabs.lab("cross-account-consumer")
        let text = try solution(lab, plus: #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:sts::444455556666:assumed-role/partner-reader/bob"}, "Action": "kinesis:PutRecord", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/shared-events"}"#)
        let report = Grader(definition: lab.definition).grade(text, name: "attack")
        let exact = try #require(report.checks.first { $0.kind == "exact-access" })
        #expect(!exact.passed)
        #expect(exact.message.contains("kinesis:PutRecord"), "\(exact.message)")
    }

    @Test("a key policy's failure names the statement that grants, not the one that only names the account")
    func failureNamesTheGrantingStatement() throws {
        let lab = try CourseLabs.lab("kms-producer-consumer")
        let text = lab.solution.replacingOccurrences(
            of: #""Condition": { "StringEquals": { "kms:ViaService": "kinesis.us-east-1.amazonaws.com" } }"#,
            with: #""Condition": { "StringLike": { "kms:ViaService": "*.us-east-1.amazonaws.com" } }"#)
        #expect(text != lab.solution)
        let report = Grader(definition: lab.definition).grade(text, name: "attack")
        let check = try #require(report.checks.first { $0.id == "producer-not-through-other-services" })
        #expect(!check.passed)
        #expect(check.message.contains("PaymentsApiEncryptsThroughKinesis") && !check.message.contains("EnableIAMPolicies"), "\(check.message)")
    }
}
