import Foundation
import Testing
@testable import LabCLI

/// `explain` in the REPL: the request context set by its clauses, the deciding statement
/// named with its line, one line for what cannot be asked, and Tab completion from the
/// current lab's world.
@Suite("REPL explain")
struct ReplExplainTests {
    static func solution(_ lab: String) -> String { ReplHarness.courseFile("labs/\(lab)/solution.json") }

    @Test("over http: the draft's Deny decides, named with its line; over https the role's Allow does")
    func overHTTP() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start https-only\npaste\n\(Self.solution("https-only")).\n"
            + "explain PutRecord patient-vitals as vitals-ingest over http\nexplain PutRecord patient-vitals as vitals-ingest over https\n")
        #expect(io.output.contains("✘ explicitly denied  kinesis:PutRecord on arn:aws:kinesis:us-east-1:111122223333:stream/patient-vitals "
                                   + "as role/vitals-ingest over plain HTTP (no TLS)\n"))
        #expect(io.output.contains("  Explicitly denied: statement \"DenyWithoutTLS\" of your draft (line 4) denies kinesis:PutRecord"))
        #expect(io.output.contains("    your draft:4\n"))
        #expect(io.output.contains("✔ allowed  kinesis:PutRecord on arn:aws:kinesis:us-east-1:111122223333:stream/patient-vitals "
                                   + "as role/vitals-ingest over the public HTTPS endpoint\n"))
        #expect(io.output.contains("`Bool` on `aws:SecureTransport` is false for this request."))
    }

    @Test("via: only the trading endpoint gets through; from and at are said with the request")
    func viaEndpoint() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start vpce-only\npaste\n\(Self.solution("vpce-only")).\n"
            + "explain PutRecord trade-executions as order-router via vpce-0fedcba9876543210\n"
            + "explain PutRecord trade-executions as order-router via vpce-0a1b2c3d4e5f67890 from 10.0.3.4 at 2026-03-01T09:30:00Z\n"
            + "explain PutRecord trade-executions as platform-admin with aws:SourceVpc=vpc-0123456789abcdef0\n")
        #expect(io.output.contains("✘ explicitly denied  kinesis:PutRecord on arn:aws:kinesis:us-east-1:111122223333:stream/trade-executions "
                                   + "as role/order-router through VPC endpoint vpce-0fedcba9876543210\n"))
        #expect(io.output.contains("✔ allowed  kinesis:PutRecord on arn:aws:kinesis:us-east-1:111122223333:stream/trade-executions "
                                   + "as role/order-router through VPC endpoint vpce-0a1b2c3d4e5f67890, from 10.0.3.4, at 2026-03-01T09:30:00Z\n"))
        #expect(io.output.contains("`StringNotEquals` on `aws:SourceVpce` is false for this request."))
        // `as` finds the user platform-admin by name; a VPC key alone is not the endpoint.
        #expect(io.output.contains("✘ explicitly denied  kinesis:PutRecord on arn:aws:kinesis:us-east-1:111122223333:stream/trade-executions "
                                   + "as user/platform-admin with aws:SourceVpc=vpc-0123456789abcdef0\n"))
    }

    @Test("in a quiz, explain asks the world whatever the answers so far")
    func inAQuiz() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start predict-the-decision\nstop\nexplain GetRecords customer-profiles as fraud-scorer\n")
        #expect(io.output.contains("✘ explicitly denied  kinesis:GetRecords on arn:aws:kinesis:us-east-1:111122223333:stream/customer-profiles "
                                   + "as role/fraud-scorer\n"))
        #expect(io.output.contains("Explicitly denied: statement \"NoCustomerProfiles\" of guardrails (line 4) denies"))
        #expect(io.output.contains("    guardrails:4\n"))
    }

    @Test("what cannot be asked is one line", arguments: [
        ("explain PutRecrod fraud-alerts", "✘ `PutRecrod` is not an action; did you mean `PutRecord`?"),
        ("explain GetRecords stream/nope", "✘ stream `nope` is not in this lab's world; its streams: customer-profiles, fraud-alerts, payments, transactions"),
        ("explain GetRecords transactions as fraud-scorer from 10.0.0.256", "✘ `10.0.0.256` is not an IP address: write one such as 203.0.113.10 or 2001:db8::1"),
        ("explain GetRecords transactions at 2026-13-01", "✘ `2026-13-01` is not a time: write an ISO 8601 time such as 2026-03-01T12:00:00Z, or epoch seconds"),
        ("explain GetRecords transactions over ftp", "✘ `over ftp`: write over http, over https or over fips (a FIPS endpoint)"),
        ("explain GetRecords transactions as", "✘ `as` needs NAME after it: explain ACTION RESOURCE [as NAME]"),
    ])
    func refused(_ line: String, _ message: String) throws {
        let harness = try ReplHarness()
        let (io, status) = harness.run("start predict-the-decision\nstop\n\(line)\n")
        #expect(status == 0)
        let said = try #require(io.output.split(separator: "\n").last)
        #expect(said.hasPrefix(message), "\(said)")
    }

    @Test("Tab completes actions, the world's resources in short form, principals, clauses and their values")
    func completion() throws {
        let course = try CourseLoader(io: TestIO(files: ReplHarness.courseFiles))
            .load(CourseLocation(labs: "/course/labs", content: "/course/content"))
        let completer = ReplCompleter(labs: course.labIDs, lessons: [])
        completer.lab = try #require(course.lab("predict-the-decision")).definition
        func complete(_ line: String) -> [String] { completer.candidates(line, cursor: line.unicodeScalars.count) }
        #expect(complete("explain PutRec") == ["PutRecord", "PutRecords"])
        #expect(complete("explain putrecords") == ["PutRecords"])
        #expect(complete("explain kms:Decr") == ["kms:Decrypt"])
        #expect(complete("explain GetRecords ")
                == ["stream/transactions", "stream/payments", "stream/customer-profiles", "stream/fraud-alerts", "*"])
        #expect(complete("explain GetRecords stream/f") == ["stream/fraud-alerts"])
        #expect(complete("explain GetRecords stream/fraud-alerts as f") == ["fraud-scorer"])
        #expect(complete("explain GetRecords stream/fraud-alerts as role/") == ["role/fraud-scorer", "role/new-analyst"])
        #expect(complete("explain GetRecords stream/fraud-alerts as fraud-scorer ")
                == ["over", "via", "from", "at", "with"])
        #expect(complete("explain GetRecords stream/fraud-alerts as fraud-scorer over h") == ["http", "https"])
        #expect(complete("explain GetRecords stream/fraud-alerts over http ") == ["as", "via", "from", "at", "with"])
        // Other accounts' streams by ARN; endpoints from the lab's checks; roles for STS.
        completer.lab = try #require(course.lab("arn-wildcards")).definition
        let resources = complete("explain GetRecords ")
        #expect(resources.contains("stream/dev-orders") && resources.contains("arn:aws:kinesis:us-east-1:444455556666:stream/dev-orders"))
        #expect(resources.contains("arn:aws:kinesis:us-east-2:111122223333:stream/dev-orders"))
        completer.lab = try #require(course.lab("vpce-only")).definition
        #expect(complete("explain PutRecord stream/trade-executions via ")
                == ["vpce-0a1b2c3d4e5f67890", "vpce-0fedcba9876543210", "vpce-0a1b2c3d4e5f67891"])
        completer.lab = try #require(course.lab("assume-role")).definition
        #expect(complete("explain sts:AssumeRole role/") == ["role/stream-deployer"])
        // No lab started: nothing from a world.
        completer.lab = nil
        #expect(complete("explain GetRecords ") == [])
    }
}
