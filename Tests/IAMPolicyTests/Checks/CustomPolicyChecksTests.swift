import Testing
@testable import IAMPolicy

/// The three custom policy checks on the cases the course teaches, one row per case.
@Suite struct CustomPolicyChecksTests {
    let checks = CustomPolicyChecks()

    /// An identity or resource policy document with the given statements.
    static func doc(_ statements: String...) -> String {
        #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}"
    }

    static let stream = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
    static let putRecord = #"{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*"}"#

    // MARK: check-no-new-access

    @Test("identity: new access, or none", arguments: [
        ("kinesis:* where PutRecord was", doc(#"{"Effect":"Allow","Action":"kinesis:*","Resource":"*"}"#), doc(putRecord), PolicyCheckResult.Verdict.fail),
        ("adding a Deny", doc(putRecord, #"{"Effect":"Deny","Action":"kinesis:PutRecord","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#), doc(putRecord), .pass),
        ("adding a condition to an Allow", doc(#"{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#), doc(putRecord), .pass),
        ("removing a condition", doc(putRecord), doc(#"{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#), .fail),
        ("the same policy", doc(putRecord), doc(putRecord), .pass),
        ("a narrower resource", doc(#"{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"\#(stream)"}"#), doc(putRecord), .pass),
    ])
    func noNewAccessIdentity(_ name: String, new: String, existing: String, expected: PolicyCheckResult.Verdict) throws {
        let r = try checks.checkNoNewAccess(new: new, existing: existing, policyType: .identity)
        #expect(r.result == expected, "\(name): \(r.message)")
        #expect(r.unknown == nil, "\(name)")
        if expected == .fail {
            #expect(r.message == "The modified permissions grant new access compared to your existing policy.")
            #expect(r.counterexample != nil)
            #expect(r.reasons.map(\.statementIndex) == [0], "\(name)")
            #expect(r.reasons.allSatisfy { $0.policy == "newPolicyDocument" })
        } else {
            #expect(r.reasons.isEmpty && r.counterexample == nil)
        }
    }

    @Test func newAccessNamesTheCounterexampleAndTheStatement() throws {
        let new = Self.doc(Self.putRecord, #"{"Sid":"ReadAll","Effect":"Allow","Action":"kinesis:Get*","Resource":"*"}"#)
        let r = try checks.checkNoNewAccess(new: new, existing: Self.doc(Self.putRecord), policyType: .identity)
        #expect(r.result == .fail)
        #expect(r.reasons.count == 1)
        #expect(r.reasons.first?.statementIndex == 1)
        #expect(r.reasons.first?.statementId == "ReadAll")
        #expect(r.reasons.first?.description == "New access in the statement with index: 1.")
        let c = try #require(r.counterexample)
        #expect(c.action.lowercased().hasPrefix("kinesis:get"))
        #expect(c.principal == "arn:aws:sts::111122223333:assumed-role/analyzed/session")
    }

    @Test("resource policy: granting another account is new access") func noNewAccessResource() throws {
        let existing = Self.doc(#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kinesis:GetRecords","Resource":"\#(Self.stream)"}"#)
        let new = Self.doc(#"{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:root"]},"Action":"kinesis:GetRecords","Resource":"\#(Self.stream)"}"#)
        let r = try checks.checkNoNewAccess(new: new, existing: existing, policyType: .resource)
        #expect(r.result == .fail)
        #expect(r.counterexample?.principal.contains("444455556666") == true, "\(String(describing: r.counterexample))")
        #expect(r.counterexample?.resource == Self.stream)
        let back = try checks.checkNoNewAccess(new: existing, existing: new, policyType: .resource)
        #expect(back.result == .pass)
    }

    // MARK: check-access-not-granted

    @Test("access not granted", arguments: [
        ("Get* covers GetRecords", doc(#"{"Effect":"Allow","Action":"kinesis:Get*","Resource":"*"}"#), ["kinesis:GetRecords"], [String](), PolicyCheckResult.Verdict.fail),
        ("only with MFA is still some context", doc(#"{"Effect":"Allow","Action":"kinesis:GetRecords","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}"#), ["kinesis:GetRecords"], [], .fail),
        ("PutRecord does not grant GetRecords", doc(putRecord), ["kinesis:GetRecords"], [], .pass),
        ("denied everywhere", doc(#"{"Effect":"Allow","Action":"kinesis:*","Resource":"*"}"#, #"{"Effect":"Deny","Action":"kinesis:GetRecords","Resource":"*"}"#), ["kinesis:GetRecords"], [], .pass),
        ("another stream", doc(#"{"Effect":"Allow","Action":"kinesis:GetRecords","Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/clicks"}"#), ["kinesis:GetRecords"], [stream], .pass),
        ("the listed stream", doc(#"{"Effect":"Allow","Action":"kinesis:GetRecords","Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/*"}"#), ["kinesis:GetRecords"], [stream], .fail),
        ("a wildcard listed action", doc(#"{"Effect":"Allow","Action":"kinesis:DescribeStream","Resource":"*"}"#), ["kinesis:Describe*"], [], .fail),
        ("only resources listed", doc(#"{"Effect":"Allow","Action":"kinesis:ListShards","Resource":"\#(stream)"}"#), [], [stream], .fail),
        ("only without TLS is still some context", doc(#"{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#), ["kinesis:PutRecord"], [], .fail),
        ("a listed resource pattern", doc(#"{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/orders"}"#), ["kinesis:PutRecord"], ["arn:aws:kinesis:us-east-1:111122223333:stream/ord*"], .fail),
    ])
    func accessNotGranted(_ name: String, policy: String, actions: [String], resources: [String], expected: PolicyCheckResult.Verdict) throws {
        let r = try checks.checkAccessNotGranted(policy: policy, access: [(actions, resources)], policyType: .identity)
        #expect(r.result == expected, "\(name): \(r.message)")
        #expect(r.unknown == nil, "\(name)")
    }

    @Test func accessUnderAConditionShowsTheContext() throws {
        let policy = Self.doc(#"{"Effect":"Allow","Action":"kinesis:GetRecords","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}"#)
        let r = try checks.checkAccessNotGranted(policy: policy, access: [(["kinesis:GetRecords"], [])], policyType: .identity)
        let c = try #require(r.counterexample)
        #expect(c.action == "kinesis:GetRecords")
        #expect(c.context == [ContextEntry(name: "aws:MultiFactorAuthPresent", values: ["true"], type: .boolean)])
    }

    @Test("resource policy: the actions on the policy's own stream") func accessNotGrantedResource() throws {
        let policy = Self.doc(#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kinesis:GetRecords","Resource":"\#(Self.stream)"}"#)
        let r = try checks.checkAccessNotGranted(policy: policy, access: [(["kinesis:GetRecords"], [])], policyType: .resource)
        #expect(r.result == .fail)
        #expect(r.counterexample?.resource == Self.stream)
        let put = try checks.checkAccessNotGranted(policy: policy, access: [(["kinesis:PutRecord"], [])], policyType: .resource)
        #expect(put.result == .pass)
    }

    @Test("access entries are limited as AWS limits them", arguments: [
        ([(actions: [String], resources: [String])](), "Member must have length greater than or equal to 1"),
        ([(["kinesis:GetRecords"], []), (["kinesis:PutRecord"], [])], "Member must have length less than or equal to 1"),
        ([([], [])], "at least one action or resource"),
        ([(Array(repeating: "kinesis:GetRecords", count: 101), [])], "less than or equal to 100"),
        ([(["kinesis:GetRecords"], ["arn:aws:kinesis:*:111122223333:stream/a"])], "only use a wildcard in the portion of the ARN"),
    ])
    func accessLimits(_ access: [(actions: [String], resources: [String])], fragment: String) {
        #expect {
            _ = try checks.checkAccessNotGranted(policy: Self.doc(Self.putRecord), access: access, policyType: .identity)
        } throws: { error in
            (error as? CustomPolicyCheckError)?.kind == .validation && "\(error)".contains(fragment)
        }
    }

    // MARK: check-no-public-access

    @Test("public access", arguments: [
        ("Principal *", "AWS::Kinesis::Stream",
         doc(#"{"Effect":"Allow","Principal":"*","Action":"kinesis:GetRecords","Resource":"\#(stream)"}"#), PolicyCheckResult.Verdict.fail),
        ("Principal * pinned to the account", "AWS::Kinesis::Stream",
         doc(#"{"Effect":"Allow","Principal":"*","Action":"kinesis:GetRecords","Resource":"\#(stream)","Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}}"#), .pass),
        ("a role name in any account", "AWS::Kinesis::Stream",
         doc(#"{"Effect":"Allow","Principal":"*","Action":"kinesis:GetRecords","Resource":"\#(stream)","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/partner-reader"}}}"#), .fail),
        ("a named account", "AWS::Kinesis::Stream",
         doc(#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kinesis:GetRecords","Resource":"\#(stream)"}"#), .pass),
        ("Principal * through one VPC endpoint", "AWS::Kinesis::Stream",
         doc(#"{"Effect":"Allow","Principal":"*","Action":"kinesis:GetRecords","Resource":"\#(stream)","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#), .pass),
        ("Principal * from one IP range is still public", "AWS::Kinesis::Stream",
         doc(#"{"Effect":"Allow","Principal":"*","Action":"kinesis:GetRecords","Resource":"\#(stream)","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}"#), .fail),
        ("a consumer open to all", "AWS::Kinesis::StreamConsumer",
         doc(#"{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kinesis:SubscribeToShard","Resource":"*"}"#), .fail),
        ("key policy Principal * for the caller's account", "AWS::KMS::Key",
         doc(#"{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"111122223333"}}}"#), .pass),
        ("key policy delegating to the account", "AWS::KMS::Key",
         doc(#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}"#), .pass),
        ("trust policy for anyone", "AWS::IAM::AssumeRolePolicyDocument",
         doc(#"{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}"#), .fail),
        ("trust policy for Lambda", "AWS::IAM::AssumeRolePolicyDocument",
         doc(#"{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}"#), .pass),
    ])
    func noPublicAccess(_ name: String, resourceType: String, policy: String, expected: PolicyCheckResult.Verdict) throws {
        let r = try checks.checkNoPublicAccess(policy: policy, resourceType: resourceType)
        #expect(r.result == expected, "\(name): \(r.message) \(String(describing: r.counterexample))")
        #expect(r.unknown == nil, "\(name)")
        if expected == .fail { #expect(r.reasons.map(\.statementIndex) == [0]) }
    }

    @Test func unsupportedResourceTypeListsTheValidOnes() {
        #expect {
            _ = try checks.checkNoPublicAccess(policy: Self.doc(Self.putRecord), resourceType: "AWS::S3::Bucket")
        } throws: { error in
            "\(error)" == "An error occurred (ValidationException) when calling the CheckNoPublicAccess operation: 1 validation error detected: Value 'AWS::S3::Bucket' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: [AWS::Kinesis::Stream, AWS::Kinesis::StreamConsumer, AWS::KMS::Key, AWS::IAM::AssumeRolePolicyDocument]"
        }
    }

    // MARK: validation and unknown answers

    @Test func malformedPolicyIsAValidationErrorWithItsPosition() throws {
        let bad = #"{"Version":"2012-10-17","Statement":{"Effect":"Alow","Action":"kinesis:*","Resource":"*"}}"#
        do {
            _ = try checks.checkNoNewAccess(new: bad, existing: Self.doc(Self.putRecord), policyType: .identity)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .validation)
            #expect(error.policyError?.member == "newPolicyDocument")
            #expect(error.policyError?.error.range.start.column == 47)
        }
    }

    @Test func unknownIsAFailThatSaysWhy() throws {
        let policy = Self.doc(#"{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"}"#)
        let r = try checks.checkNoPublicAccess(policy: policy, resourceType: "AWS::IAM::AssumeRolePolicyDocument")
        #expect(r.result == .fail)
        #expect(r.unknown != nil)
        #expect(r.message.hasPrefix("The answer is unknown: "))
    }

    @Test func principalAttributesOfAnIdentityPolicyAreUnknown() throws {
        let tagged = Self.doc(#"{"Effect":"Allow","Action":"kinesis:GetRecords","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"orders"}}}"#)
        let r = try checks.checkAccessNotGranted(policy: tagged, access: [(["kinesis:GetRecords"], [])], policyType: .identity)
        #expect(r.result == .fail)
        #expect(r.unknown?.contains("aws:PrincipalTag/team") == true)
    }

    @Test func resourceTagsOfAResourcePolicyAreUnknown() throws {
        let tagged = Self.doc(#"{"Effect":"Allow","Principal":"*","Action":"kinesis:GetRecords","Resource":"\#(Self.stream)","Condition":{"StringEquals":{"aws:ResourceTag/public":"yes"}}}"#)
        let r = try checks.checkNoPublicAccess(policy: tagged, resourceType: "AWS::Kinesis::Stream")
        #expect(r.result == .fail)
        #expect(r.unknown?.contains("aws:ResourceTag/public") == true)
    }

    @Test func counterexamplesUseReadableNamesWhenTheyStillFail() throws {
        let r = try checks.checkAccessNotGranted(policy: Self.doc(Self.putRecord), access: [(["kinesis:PutRecord"], [])], policyType: .identity)
        #expect(r.counterexample?.resource == "arn:aws:kinesis:us-east-1:111122223333:stream/analyzed")
    }

    @Test func cliInputJSONIsReadAsTheAWSCLIReadsIt() throws {
        let root = try JSONReader().read(#"{"policyDocument":"{}","access":[{"actions":["kinesis:GetRecords"]}],"policyType":"IDENTITY_POLICY"}"#)
        let input = try CustomPolicyCheckInput(cliInputJSON: root, check: .accessNotGranted)
        #expect(input == .accessNotGranted(policyDocument: "{}", access: [PolicyCheckAccess(actions: ["kinesis:GetRecords"])], policyType: "IDENTITY_POLICY"))
        let unknown = try JSONReader().read(#"{"policyDocument":"{}","resourceType":"AWS::KMS::Key","extra":1}"#)
        #expect(throws: CustomPolicyCheckError.self) { try CustomPolicyCheckInput(cliInputJSON: unknown, check: .noPublicAccess) }
    }

    @Test func resultJSONHasAccessAnalyzersFields() throws {
        let r = try checks.checkNoPublicAccess(
            policy: Self.doc(#"{"Sid":"Open","Effect":"Allow","Principal":"*","Action":"kinesis:GetRecords","Resource":"\#(Self.stream)"}"#),
            resourceType: "AWS::Kinesis::Stream")
        let json = r.jsonValue
        #expect(json["result"]?.stringValue == "FAIL")
        #expect(json["message"]?.stringValue == "The resource policy grants public access for the given resource type.")
        let reason = try #require(json["reasons"]?.elements?.first)
        #expect(reason["statementId"]?.stringValue == "Open")
        #expect(reason["statementIndex"] != nil && reason["reasonIndex"] != nil && reason["description"] != nil)
        #expect(json["counterexample"]?["principal"] != nil && json["counterexample"]?["contextEntries"] != nil)
    }
}
