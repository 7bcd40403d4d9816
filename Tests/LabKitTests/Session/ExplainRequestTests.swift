import IAMPolicy
import LabKit
import Testing

/// `explain`'s words read against a lab's world: who asks, the action, the resource, and the
/// request context each clause sets — decided by the evaluator.
@Suite("explain requests")
struct ExplainRequestTests {
    /// A lab whose role may write only from the office network, during March 2026, with a tag.
    static let contextLab = """
    {
      "formatVersion": 1, "id": "context", "title": "Context", "lessons": ["x"],
      "world": {
        "roles": [{"name": "writer", "policies": {"write": {"Version": "2012-10-17", "Statement": [{
          "Sid": "FromTheOfficeInMarch", "Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": "*",
          "Condition": {"IpAddress": {"aws:SourceIp": "198.51.100.0/24"},
                        "DateGreaterThan": {"aws:CurrentTime": "2026-03-01T00:00:00Z"},
                        "DateLessThan": {"aws:CurrentTime": "2026-04-01T00:00:00Z"},
                        "StringEquals": {"aws:PrincipalTag/team": "ingest"}}}]}}}],
        "users": [{"name": "writer"}, {"name": "auditor"}],
        "streams": [{"name": "orders"}]
      },
      "submission": {"slot": "answers"}, "hints": ["h"],
      "checks": [{"id": "q", "kind": "predict", "title": "t", "questions": [
        {"id": "q1", "prompt": "p", "as": "role/writer", "action": "kinesis:PutRecord", "resource": "stream/orders"}]}]
    }
    """

    static func definition(_ id: String) throws -> LabDefinition {
        if id == "context" {
            let files = LabFiles(folderName: "context", definition: contextLab, prompt: "# C", starter: "{}", solution: "{}")
            return try #require(LabLoader().load(files).lab).definition
        }
        return try CourseLabs.lab(id).definition
    }

    /// The evaluator's decision on `line` (the words after `explain`) in lab `id`.
    static func decide(_ line: String, in id: String, draft: String? = nil) throws -> Decision {
        let definition = try definition(id)
        guard case .explain(let question) = try #require(try ReplCommand.parse("explain " + line)) else {
            throw ExplainRequestError.noPrincipal
        }
        let request = try definition.explainRequest(question).get()
        let text = try draft ?? (definition.submission == .answers ? "{}" : CourseLabs.lab(id).solution)
        let context = try Grader(definition: definition).context(for: text).get()
        return try #require(context.evaluate(request)).0.decision
    }

    @Test("each clause sets the context it names, and the evaluator decides with it", arguments: [
        // `as` by bare name finds the role; `over` sets aws:SecureTransport.
        ("PutRecord stream/fraud-alerts as fraud-scorer over https", "predict-the-decision", Decision.allowed),
        ("PutRecord fraud-alerts as fraud-scorer over http", "predict-the-decision", .implicitDeny),
        ("GetRecords customer-profiles as fraud-scorer", "predict-the-decision", .explicitDeny),
        ("DescribeStream transactions as role/new-analyst", "predict-the-decision", .implicitDeny),
        ("PutRecord patient-vitals as vitals-ingest over http", "https-only", .explicitDeny),
        ("PutRecord patient-vitals as vitals-ingest over https", "https-only", .allowed),
        // `via` sets aws:SourceVpce (and takes aws:SourceIp away).
        ("PutRecord trade-executions as order-router via vpce-0a1b2c3d4e5f67890", "vpce-only", .allowed),
        ("PutRecord trade-executions as order-router via vpce-0fedcba9876543210", "vpce-only", .explicitDeny),
        ("PutRecord trade-executions as order-router", "vpce-only", .explicitDeny),
        // `from`, `at` and `with` set aws:SourceIp, aws:CurrentTime and any other key.
        ("PutRecord orders as role/writer from 198.51.100.7 at 2026-03-15T12:00:00Z with aws:PrincipalTag/team=ingest", "context", .allowed),
        ("PutRecord orders as role/writer from 203.0.113.7 at 2026-03-15T12:00:00Z with aws:PrincipalTag/team=ingest", "context", .implicitDeny),
        ("PutRecord orders as role/writer from 198.51.100.7 at 2026-05-01 with aws:PrincipalTag/team=ingest", "context", .implicitDeny),
        ("PutRecord orders as role/writer from 198.51.100.7 at 1773576000 with aws:PrincipalTag/team=ingest", "context", .allowed),
        ("PutRecord orders as role/writer from 198.51.100.7 at 2026-03-15T12:00:00Z with aws:PrincipalTag/team=web", "context", .implicitDeny),
    ])
    func clauses(_ line: String, _ lab: String, _ decision: Decision) throws {
        #expect(try Self.decide(line, in: lab) == decision)
    }

    @Test("what cannot be asked is one line that names it", arguments: [
        ("PutRecrod orders", "predict-the-decision", "`PutRecrod` is not an action; did you mean `PutRecord`?"),
        ("kinesis:GetRecord orders", "predict-the-decision", "`kinesis:GetRecord` is not an action; did you mean `kinesis:GetRecords`?"),
        ("Decrypt orders", "predict-the-decision", "`Decrypt` is not an action; did you mean `kms:Decrypt`?"),
        ("kinesis:Get* orders", "predict-the-decision", "`kinesis:Get*` is a pattern: `explain` asks about one action, such as kinesis:GetRecords"),
        ("nosuch:Thing orders", "predict-the-decision", "`nosuch` is not an AWS service prefix: write kinesis:PutRecord, PutRecord or kms:Decrypt"),
        ("GetRecords stream/transaction", "predict-the-decision", "stream `transaction` is not in this lab's world; did you mean `stream/transactions`?"),
        ("GetRecords stream/audit", "predict-the-decision",
         "stream `audit` is not in this lab's world; its streams: customer-profiles, fraud-alerts, payments, transactions"),
        ("GetRecords bucket/x", "predict-the-decision", "`bucket/x` is not a resource here: write an ARN, `*`, stream/NAME, key/ID or alias/NAME"),
        ("GetRecords transactions as fraud-scorr", "predict-the-decision", "`fraud-scorr` is not a user or role of this lab; did you mean `role/fraud-scorer`?"),
        ("PutRecord orders as writer", "context", "this lab has a user and a role named `writer`: write user/writer or role/writer"),
        ("PutRecord orders over ftp", "context", "`over ftp`: write over http, over https or over fips (a FIPS endpoint)"),
        ("PutRecord orders via vpc-123", "context", "`vpc-123` is not a VPC endpoint id: write one such as vpce-0a1b2c3d4e5f67890"),
        ("PutRecord orders over http via vpce-1", "context", "a VPC endpoint takes HTTPS only: leave out `over http` or `via`"),
        ("PutRecord orders from 300.1.2.3", "context", "`300.1.2.3` is not an IP address: write one such as 203.0.113.10 or 2001:db8::1"),
        ("PutRecord orders at yesterday", "context", "`yesterday` is not a time: write an ISO 8601 time such as 2026-03-01T12:00:00Z, or epoch seconds"),
        ("PutRecord orders at 2026-02-30", "context", "`2026-02-30` is not a time: write an ISO 8601 time such as 2026-03-01T12:00:00Z, or epoch seconds"),
        ("PutRecord orders with aws:SecureTransport=maybe", "context", "`aws:SecureTransport=maybe`: aws:SecureTransport takes true or false"),
        ("PutRecord orders with aws:SourceIp=here", "context", "`aws:SourceIp=here`: aws:SourceIp takes an IP address such as 203.0.113.10"),
        ("PutRecord orders with a=1 A=2", "context", "`A` is given twice after `with`"),
    ])
    func refused(_ line: String, _ lab: String, _ message: String) throws {
        let definition = try Self.definition(lab)
        guard case .explain(let question) = try #require(try ReplCommand.parse("explain " + line)) else { return }
        switch definition.explainRequest(question) {
        case .success(let request): Issue.record("asked \(request.summary)")
        case .failure(let error): #expect(error.description == message)
        }
    }

    @Test("a stream CreateStream would make need not exist; other services' actions are taken as written")
    func createAndOtherServices() throws {
        let definition = try Self.definition("predict-the-decision")
        let create = try definition.explainRequest(ExplainQuestion(action: "CreateStream", resource: "stream/new-one")).get()
        #expect(create.resource == "arn:aws:kinesis:us-east-1:111122223333:stream/new-one")
        let s3 = try definition.explainRequest(ExplainQuestion(action: "s3:GetObject", resource: "*")).get()
        #expect(s3.action == "s3:GetObject")
    }

    @Test("a question's request becomes the explain line that asks it")
    func commandLine() throws {
        let definition = try Self.definition("predict-the-decision")
        guard case .predict(let quiz) = definition.checks[0].kind else { return }
        let lines = quiz.questions.map { ExplainQuestion(asking: $0.request, in: definition.world).commandLine }
        #expect(lines[0] == "explain GetRecords stream/transactions as fraud-scorer")
        #expect(lines[5] == "explain PutRecord stream/fraud-alerts as fraud-scorer over http")
        // Read back, the line asks the same request.
        for (line, q) in zip(lines, quiz.questions) {
            guard case .explain(let question) = try #require(try ReplCommand.parse(line)) else { continue }
            #expect(try definition.explainRequest(question).get() == q.request, "\(line)")
        }
    }
}
