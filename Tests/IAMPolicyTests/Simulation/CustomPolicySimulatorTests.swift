import Testing
@testable import IAMPolicy

@Suite("SimulateCustomPolicy")
struct CustomPolicySimulatorTests {
    /// AWS's documented example for SimulateCustomPolicy.
    static let awsExample = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}"#
    static let stream = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
    static let alice = "arn:aws:iam::111122223333:user/alice"

    private func simulate(_ input: CustomPolicySimulationInput) throws -> JSONValue {
        try CustomPolicySimulator().simulate(input).jsonValue
    }

    private func currentTime(_ date: String) -> [ContextEntry] {
        [ContextEntry(name: "aws:CurrentTime", values: [date], type: .date)]
    }

    @Test("AWS's documented example is allowed with the documented statement positions")
    func awsDocumentedExampleAllowed() throws {
        let out = try simulate(CustomPolicySimulationInput(
            policyInputList: [Self.awsExample], actionNames: ["dynamodb:CreateBackup"],
            contextEntries: currentTime("2019-04-25T11:00:00Z")))
        let results = try #require(out["EvaluationResults"]?.elements)
        #expect(results.count == 1)
        let r = results[0]
        #expect(r["EvalActionName"]?.stringValue == "dynamodb:CreateBackup")
        #expect(r["EvalResourceName"]?.stringValue == "*")
        #expect(r["EvalDecision"]?.stringValue == "allowed")
        let matched = try #require(r["MatchedStatements"]?.elements)
        #expect(matched.count == 1)
        #expect(matched[0]["SourcePolicyId"]?.stringValue == "PolicyInputList.1")
        #expect(matched[0]["StartPosition"]?["Line"]?.numberText == "1")
        #expect(matched[0]["StartPosition"]?["Column"]?.numberText == "38")
        #expect(matched[0]["EndPosition"]?["Line"]?.numberText == "1")
        #expect(matched[0]["EndPosition"]?["Column"]?.numberText == "167")
        #expect(r["MissingContextValues"]?.elements?.isEmpty == true)
        #expect(out["IsTruncated"] == nil)
    }

    @Test("AWS's example before the date is an implicit deny with no matched statements")
    func awsExampleBeforeTheDateDenied() throws {
        let out = try simulate(CustomPolicySimulationInput(
            policyInputList: [Self.awsExample], actionNames: ["dynamodb:CreateBackup"],
            contextEntries: currentTime("2018-04-25T11:00:00Z")))
        let r = try #require(out["EvaluationResults"]?.elements?.first)
        #expect(r["EvalDecision"]?.stringValue == "implicitDeny")
        #expect(r["MatchedStatements"]?.elements?.isEmpty == true)
    }

    @Test("without the date in the context the key is reported missing")
    func missingContextValueReported() throws {
        let out = try simulate(CustomPolicySimulationInput(policyInputList: [Self.awsExample], actionNames: ["dynamodb:CreateBackup"]))
        let r = try #require(out["EvaluationResults"]?.elements?.first)
        #expect(r["EvalDecision"]?.stringValue == "implicitDeny")
        #expect(r["MissingContextValues"]?.elements?.compactMap(\.stringValue) == ["aws:CurrentTime"])
    }

    @Test("named resources give ResourceSpecificResults and empty EvalDecisionDetails")
    func resourceSpecificResults() throws {
        let policy = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"\#(Self.stream)"}}"#
        let out = try simulate(CustomPolicySimulationInput(
            policyInputList: [policy], actionNames: ["kinesis:PutRecord", "kinesis:GetRecords"],
            resourceArns: [Self.stream, "arn:aws:kinesis:us-east-1:111122223333:stream/clicks"]))
        let results = try #require(out["EvaluationResults"]?.elements)
        #expect(results.map { $0["EvalDecision"]?.stringValue } == ["allowed", "implicitDeny", "implicitDeny", "implicitDeny"])
        #expect(results.map { $0["EvalActionName"]?.stringValue } == ["kinesis:PutRecord", "kinesis:PutRecord", "kinesis:GetRecords", "kinesis:GetRecords"])
        let first = results[0]
        #expect(first["EvalDecisionDetails"] == .object([]))
        let specific = try #require(first["ResourceSpecificResults"]?.elements)
        #expect(specific.count == 1)
        #expect(specific[0]["EvalResourceName"]?.stringValue == Self.stream)
        #expect(specific[0]["EvalResourceDecision"]?.stringValue == "allowed")
        #expect(specific[0]["MatchedStatements"]?.elements?.count == 1)
    }

    @Test("cross-account: a resource policy and CallerArn give both sides' decisions")
    func crossAccountWithResourcePolicy() throws {
        let foreign = "arn:aws:kinesis:us-east-1:444455556666:stream/shared"
        let identity = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kinesis:GetRecords","Resource":"\#(foreign)"}}"#
        let resource = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"kinesis:GetRecords","Resource":"\#(foreign)"}}"#
        let allowed = try simulate(CustomPolicySimulationInput(
            policyInputList: [identity], actionNames: ["kinesis:GetRecords"], resourceArns: [foreign],
            resourcePolicy: resource, callerArn: Self.alice))
        let r = try #require(allowed["EvaluationResults"]?.elements?.first)
        #expect(r["EvalDecision"]?.stringValue == "allowed")
        #expect(r["EvalDecisionDetails"]?["IAM Policy"]?.stringValue == "allowed")
        #expect(r["EvalDecisionDetails"]?["Resource Policy"]?.stringValue == "allowed")
        let types = r["MatchedStatements"]?.elements?.compactMap { $0["SourcePolicyType"]?.stringValue } ?? []
        #expect(types.contains("Resource Policy"))

        // Without the resource policy's grant the caller's Allow is not enough.
        let denyingResource = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"999988887777"},"Action":"kinesis:GetRecords","Resource":"\#(foreign)"}}"#
        let denied = try simulate(CustomPolicySimulationInput(
            policyInputList: [identity], actionNames: ["kinesis:GetRecords"], resourceArns: [foreign],
            resourcePolicy: denyingResource, callerArn: Self.alice))
        let d = try #require(denied["EvaluationResults"]?.elements?.first)
        #expect(d["EvalDecision"]?.stringValue == "implicitDeny")
        #expect(d["EvalDecisionDetails"]?["Resource Policy"]?.stringValue == "implicitDeny")
    }

    @Test("a permissions boundary is reported in PermissionsBoundaryDecisionDetail")
    func boundaryDetail() throws {
        let identity = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kinesis:*","Resource":"*"}}"#
        let boundary = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kinesis:Get*","Resource":"*"}}"#
        let out = try simulate(CustomPolicySimulationInput(
            policyInputList: [identity], permissionsBoundaryPolicyInputList: [boundary],
            actionNames: ["kinesis:GetRecords", "kinesis:PutRecord"]))
        let results = try #require(out["EvaluationResults"]?.elements)
        #expect(results[0]["EvalDecision"]?.stringValue == "allowed")
        #expect(results[0]["PermissionsBoundaryDecisionDetail"]?["AllowedByPermissionsBoundary"] == .bool(true))
        #expect(results[1]["EvalDecision"]?.stringValue == "implicitDeny")
        #expect(results[1]["PermissionsBoundaryDecisionDetail"]?["AllowedByPermissionsBoundary"] == .bool(false))
    }

    @Test("an explicit deny is reported with the Deny statement")
    func explicitDenyReported() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:*","Resource":"*"},{"Effect":"Deny","Action":"kinesis:PutRecord","Resource":"*"}]}"#
        let out = try simulate(CustomPolicySimulationInput(policyInputList: [policy], actionNames: ["kinesis:PutRecord"]))
        let r = try #require(out["EvaluationResults"]?.elements?.first)
        #expect(r["EvalDecision"]?.stringValue == "explicitDeny")
        #expect(r["MatchedStatements"]?.elements?.first?["StartPosition"]?["Column"]?.numberText == "94")
    }

    @Test("an action name with a wildcard is rejected")
    func wildcardActionRejected() {
        #expect(throws: SimulationError.self) {
            try CustomPolicySimulator().simulate(CustomPolicySimulationInput(policyInputList: [Self.awsExample], actionNames: ["dynamodb:*"]))
        }
        do {
            _ = try CustomPolicySimulator().simulate(CustomPolicySimulationInput(policyInputList: [Self.awsExample], actionNames: ["kinesis:Get?ecords"]))
            Issue.record("accepted a wildcard action")
        } catch {
            #expect(error.kind == .invalidInput)
        }
    }

    @Test("a ResourcePolicy without CallerArn is rejected")
    func resourcePolicyNeedsCaller() {
        let resource = #"{"Statement":{"Effect":"Allow","Principal":"*","Action":"kinesis:GetRecords","Resource":"*"}}"#
        do {
            _ = try CustomPolicySimulator().simulate(CustomPolicySimulationInput(
                policyInputList: [Self.awsExample], actionNames: ["kinesis:GetRecords"], resourcePolicy: resource))
            Issue.record("accepted a resource policy without CallerArn")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.message.contains("CallerArn"))
        }
    }

    @Test("a CallerArn that is a role is rejected")
    func callerMustBeUser() {
        do {
            _ = try CustomPolicySimulator().simulate(CustomPolicySimulationInput(
                policyInputList: [Self.awsExample], actionNames: ["kinesis:GetRecords"],
                callerArn: "arn:aws:iam::111122223333:role/r"))
            Issue.record("accepted a role CallerArn")
        } catch {
            #expect(error.kind == .invalidInput)
        }
    }

    @Test("a malformed policy is named PolicyInputList.N with its line and column")
    func malformedPolicyNamed() {
        let bad = "{\"Version\":\"2012-10-17\",\n\"Statement\":{\"Effect\":\"allow\",\"Action\":\"kinesis:*\",\"Resource\":\"*\"}}"
        do {
            _ = try CustomPolicySimulator().simulate(CustomPolicySimulationInput(
                policyInputList: [Self.awsExample, bad], actionNames: ["kinesis:GetRecords"]))
            Issue.record("accepted a malformed policy")
        } catch {
            #expect(error.kind == .malformedPolicyDocument)
            #expect(error.message.contains("PolicyInputList.2, line 2, column 23"), "\(error.message)")
            #expect(error.policyError?.id == "PolicyInputList.2")
            #expect(error.policyError?.error.code == .invalidEffect)
        }
    }

    @Test("MaxItems pages the results and Marker resumes where the page ended")
    func paging() throws {
        let policy = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kinesis:*","Resource":"*"}}"#
        let actions = ["kinesis:PutRecord", "kinesis:GetRecords", "kinesis:ListShards", "kinesis:DescribeStream", "kinesis:ListStreams"]
        var seen: [String] = []
        var marker: String?
        var pages = 0
        repeat {
            let out = try simulate(CustomPolicySimulationInput(policyInputList: [policy], actionNames: actions, maxItems: 2, marker: marker))
            let names = out["EvaluationResults"]?.elements?.compactMap { $0["EvalActionName"]?.stringValue } ?? []
            #expect(names.count <= 2)
            seen += names
            marker = out["Marker"]?.stringValue
            #expect((out["IsTruncated"] == .bool(true)) == (marker != nil))
            pages += 1
        } while marker != nil && pages < 10
        #expect(seen == actions)
        #expect(pages == 3)
    }

    @Test("a Marker that no page produced is rejected")
    func badMarker() {
        #expect(throws: SimulationError.self) {
            try CustomPolicySimulator().simulate(CustomPolicySimulationInput(
                policyInputList: [Self.awsExample], actionNames: ["kinesis:GetRecords"], marker: "99"))
        }
    }
}
