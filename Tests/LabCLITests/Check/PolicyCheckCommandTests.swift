import IAMPolicy
import Testing
@testable import LabCLI

/// `kdslab policy check-*` end to end, in-process: exit statuses, JSON fields, the text form.
@Suite("Policy checks")
struct PolicyCheckCommandTests {
    static let stream = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"

    static func doc(_ statements: String...) -> String {
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    " + statements.joined(separator: ",\n    ") + "\n  ]\n}\n"
    }

    static let putRecord = #"{"Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": "*"}"#

    /// A `--cli-input-json` document with the policies embedded as JSON strings.
    static func input(_ members: [(String, JSONValue)]) -> String {
        JSONWriter.string(.object(members), pretty: true)
    }

    @Test("exit status: 0 PASS, 1 FAIL", arguments: [
        ("kinesis:* where PutRecord was", doc(#"{"Effect": "Allow", "Action": "kinesis:*", "Resource": "*"}"#), Int32(1)),
        ("adding a Deny", doc(putRecord, #"{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}"#), Int32(0)),
        ("adding a condition", doc(#"{"Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}"#), Int32(0)),
    ])
    func noNewAccessStatus(_ name: String, new: String, status: Int32) {
        let io = TestIO(files: ["new.json": new, "old.json": Self.doc(Self.putRecord)])
        #expect(io.run(["policy", "check-no-new-access", "--new", "new.json", "--existing", "old.json"]) == status, "\(name): \(io.output)\(io.error)")
        #expect(io.error.isEmpty)
    }

    @Test func removingAConditionFailsAndTheTextShowsWhy() {
        let old = Self.doc(#"{"Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}"#)
        let io = TestIO(files: ["new.json": Self.doc(Self.putRecord), "old.json": old])
        #expect(io.run(["policy", "check-no-new-access", "--existing", "old.json", "--new", "new.json"]) == 1)
        #expect(io.output.hasPrefix("✘ FAIL  The modified permissions grant new access compared to your existing policy.\n"))
        #expect(io.output.contains("For example, new.json allows this request and old.json does not:"))
        #expect(io.output.contains("    action     kinesis:PutRecord\n"))
        #expect(io.output.contains("new.json:4:5: New access in the statement with index: 0."))
        // The statement's line, underlined under its first column.
        #expect(io.output.contains("   4 |     {\"Effect\": \"Allow\", \"Action\": \"kinesis:PutRecord\", \"Resource\": \"*\"}\n     |     ^~~~"))
    }

    @Test func accessNotGrantedJSONHasAccessAnalyzersFields() throws {
        let policy = Self.doc(#"{"Sid": "Read", "Effect": "Allow", "Action": "kinesis:Get*", "Resource": "*"}"#)
        let text = Self.input([("policyDocument", .string(policy)),
                               ("access", .array([.object([("actions", .array([.string("kinesis:GetRecords")]))])])),
                               ("policyType", .string("IDENTITY_POLICY"))])
        let io = TestIO(files: ["input.json": text])
        #expect(io.run(["policy", "check-access-not-granted", "--cli-input-json", "input.json"]) == 1)
        let json = try JSONReader().read(io.output)
        #expect(json["result"]?.stringValue == "FAIL")
        #expect(json["message"]?.stringValue == "The policy document grants access to perform one or more of the listed actions or resources.")
        let reason = try #require(json["reasons"]?.elements?.first)
        #expect(reason["description"]?.stringValue == "One or more of the listed actions or resources in the statement with index: 0.")
        #expect(reason["reasonIndex"]?.kind == .number("0"))
        #expect(reason["statementIndex"]?.kind == .number("0"))
        #expect(reason["statementId"]?.stringValue == "Read")
        let c = try #require(json["counterexample"])
        #expect(c["action"]?.stringValue == "kinesis:GetRecords")
        #expect(c["principal"]?.stringValue == "arn:aws:sts::111122223333:assumed-role/analyzed/session")
        #expect(c["resource"] != nil && c["contextEntries"]?.elements != nil)
    }

    @Test func accessOnlyUnderMFAStillFailsWithThatContext() {
        let policy = Self.doc(#"{"Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}"#)
        let io = TestIO(files: ["p.json": policy])
        #expect(io.run(["policy", "check-access-not-granted", "--policy", "p.json", "--action", "kinesis:GetRecords"]) == 1)
        #expect(io.output.contains("    context    aws:MultiFactorAuthPresent=boolean:true\n"))
    }

    @Test("public access by resource type", arguments: [
        ("AWS::Kinesis::Stream", doc(#"{"Effect": "Allow", "Principal": "*", "Action": "kinesis:GetRecords", "Resource": "\#(stream)"}"#), Int32(1)),
        ("AWS::Kinesis::Stream", doc(#"{"Effect": "Allow", "Principal": "*", "Action": "kinesis:GetRecords", "Resource": "\#(stream)", "Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}}"#), Int32(0)),
        ("AWS::Kinesis::Stream", doc(#"{"Effect": "Allow", "Principal": "*", "Action": "kinesis:GetRecords", "Resource": "\#(stream)", "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/partner-reader"}}}"#), Int32(1)),
        ("AWS::Kinesis::Stream", doc(#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "kinesis:GetRecords", "Resource": "\#(stream)"}"#), Int32(0)),
        ("AWS::KMS::Key", doc(#"{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333"}}}"#), Int32(0)),
        ("AWS::IAM::AssumeRolePolicyDocument", doc(#"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}"#), Int32(1)),
    ])
    func publicAccess(resourceType: String, policy: String, status: Int32) throws {
        let io = TestIO(files: ["p.json": policy])
        let code = io.run(["policy", "check-no-public-access", "--policy", "p.json", "--resource-type", resourceType, "--output", "json"])
        #expect(code == status, "\(io.output)\(io.error)")
        let json = try JSONReader().read(io.output)
        #expect(json["result"]?.stringValue == (status == 0 ? "PASS" : "FAIL"))
        #expect((json["counterexample"] != nil) == (status == 1))
    }

    @Test func cliInputFromStandardInput() throws {
        let text = Self.input([("newPolicyDocument", .string(Self.doc(Self.putRecord))),
                               ("existingPolicyDocument", .string(Self.doc(Self.putRecord))),
                               ("policyType", .string("IDENTITY_POLICY"))])
        let io = TestIO(standardInput: text)
        #expect(io.run(["policy", "check-no-new-access", "--cli-input-json", "-"]) == 0)
        let json = try JSONReader().read(io.output)
        #expect(json["result"]?.stringValue == "PASS")
        #expect(json["reasons"]?.elements?.isEmpty == true)
        #expect(json["counterexample"] == nil)
    }

    @Test func malformedPolicyFileExitsTwoAtItsLineAndColumn() {
        let bad = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Alow\", \"Action\": \"kinesis:*\", \"Resource\": \"*\"}\n}\n"
        // The error points at the bad value: line 3, the column of its opening quote.
        let line3 = bad.split(separator: "\n")[2]
        let column = line3.distance(from: line3.startIndex, to: line3.firstRange(of: "\"Alow\"")!.lowerBound) + 1
        let io = TestIO(files: ["p.json": bad])
        #expect(io.run(["policy", "check-access-not-granted", "--policy", "p.json", "--action", "kinesis:GetRecords"]) == 2)
        #expect(io.error.hasPrefix("kdslab: p.json:3:\(column): MalformedPolicyDocument: Invalid effect: Alow"))
        #expect(io.error.contains("\n   |" + String(repeating: " ", count: column) + "^"))
        #expect(io.output.isEmpty)
    }

    @Test func malformedPolicyInCLIInputExitsTwoWithTheMemberAndPosition() {
        let text = Self.input([("policyDocument", .string(#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Actions":"kinesis:*","Resource":"*"}}"#)),
                               ("resourceType", .string("AWS::Kinesis::Stream"))])
        let io = TestIO(files: ["input.json": text])
        #expect(io.run(["policy", "check-no-public-access", "--cli-input-json", "input.json"]) == 2)
        #expect(io.error.hasPrefix("An error occurred (ValidationException) when calling the CheckNoPublicAccess operation:"))
        #expect(io.error.contains("(policyDocument, line 1, column 55:"))
    }

    @Test("bad usage exits 2", arguments: [
        ["policy", "check-no-public-access", "--policy", "p.json", "--resource-type", "AWS::S3::Bucket"],
        ["policy", "check-no-public-access", "--policy", "p.json"],
        ["policy", "check-access-not-granted", "--policy", "p.json"],
        ["policy", "check-no-new-access", "--new", "p.json"],
        ["policy", "check-no-new-access", "--cli-input-json", "p.json", "--new", "p.json"],
        ["policy", "check-no-new-access", "--cli-input-json", "p.json"],
        ["policy", "check-access-not-granted", "--policy", "p.json", "--action", "kinesis:GetRecords", "--output", "yaml"],
    ])
    func badUsage(arguments: [String]) {
        let io = TestIO(files: ["p.json": Self.doc(Self.putRecord)])
        #expect(io.run(arguments) == 2)
        #expect(!io.error.isEmpty && io.output.isEmpty)
    }

    @Test("each check has its help", arguments: CustomPolicyCheck.allCases)
    func help(check: CustomPolicyCheck) {
        let io = TestIO()
        #expect(io.run(["policy", check.commandName, "--help"]) == 0)
        #expect(io.output.hasPrefix("Usage: kdslab policy \(check.commandName) --cli-input-json FILE"))
    }
}
