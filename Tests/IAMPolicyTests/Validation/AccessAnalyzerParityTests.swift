import Testing
@testable import IAMPolicy

/// The checks added for parity with Access Analyzer (`iam:PassRole` and
/// `iam:CreateServiceLinkedRole` on `*`, operator/key type mismatches) and the trust-policy
/// checks (public trust, wildcard STS actions): each finding's code, severity and exact
/// `line:column`, and messages that name what to change.
@Suite struct AccessAnalyzerParityTests {
    static func findings(_ text: String, _ type: PolicyType = .identity) -> [Finding] {
        PolicyValidator().validate(text, type: type)
    }

    static func only(_ code: IssueCode, in text: String, _ type: PolicyType = .identity) -> [Finding] {
        findings(text, type).filter { $0.issueCode == code }
    }

    @Test func passRoleOnStarIsASecurityWarningAtTheAction() throws {
        let text = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Action": ["kinesis:PutRecord", "iam:PassRole"],
            "Resource": "*"
          }]
        }
        """
        let f = try #require(Self.only(.passRoleWithStarInResource, in: text).first)
        #expect(f.findingType == .securityWarning)
        #expect(f.span.start.description == "5:37")
        #expect(f.locations.map(\.span.start.description) == ["5:37", "6:17"])
        #expect(f.locations[0].path.map(\.description).joined() == "Statement[0]Action[1]")
        #expect(f.findingDetails.contains("`iam:PassedToService`"))
        #expect(f.learnMoreLink.hasSuffix("#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource"))
    }

    @Test("A wildcard that reaches iam:PassRole on * is PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
          arguments: ["*", "iam:*", "iam:Pass*", "iam:*Role"])
    func wildcardPassRole(action: String) throws {
        let text = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "\(action)", "Resource": "*"}
        ]}
        """
        let f = try #require(Self.only(.passRoleWithStarInActionAndResource, in: text).first)
        #expect(f.findingType == .securityWarning)
        #expect(f.span.start.description == "2:33")
        #expect(f.findingDetails.contains("`\(action)` (which includes `iam:PassRole`)"))
        #expect(Self.only(.passRoleWithStarInResource, in: text).isEmpty)
        // A service control policy's `*` on `*` sets a ceiling and grants nothing.
        #expect(Self.only(.passRoleWithStarInActionAndResource, in: text, .serviceControl).isEmpty)
    }

    @Test func createServiceLinkedRoleOnStarIsAGeneralWarning() throws {
        let text = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*"},
          {"Effect": "Allow", "Action": "iam:Create*", "Resource": "*"}
        ]}
        """
        let named = try #require(Self.only(.createSLRWithStarInResource, in: text).first)
        #expect(named.findingType == .warning)
        #expect(named.span.start.description == "2:33")
        let wildcard = try #require(Self.only(.createSLRWithStarInActionAndResource, in: text).first)
        #expect(wildcard.findingType == .warning)
        #expect(wildcard.span.start.description == "3:33")
    }

    @Test("An operator of the wrong type for its key is TYPE_MISMATCH, a WARNING", arguments: [
        ("StringEquals", "aws:SecureTransport", "true", "Bool"),
        ("StringEquals", "aws:MultiFactorAuthPresent", "true", "Bool"),
        ("StringEquals", "aws:ViaAWSService", "false", "Bool"),
        ("StringEquals", "aws:PrincipalIsAWSService", "false", "Bool"),
        ("Bool", "aws:RequestedRegion", "true", "String or Arn"),
        ("NumericLessThan", "aws:CurrentTime", "1735689600", "Date"),
        ("StringEquals", "aws:SourceIp", "203.0.113.10", "IpAddress"),
        ("DateLessThan", "aws:SourceVpce", "2026-01-01", "String or Arn"),
        ("ArnEquals", "aws:EpochTime", "1735689600", "Date or Numeric"),
    ])
    func operatorKeyMismatch(op: String, key: String, value: String, allowed: String) throws {
        let text = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "kinesis:*", "Resource": "*",
          "Condition": {"\(op)": {"\(key)": "\(value)"}}}]}
        """
        let f = try #require(Self.only(.typeMismatch, in: text).first)
        #expect(f.findingType == .warning)
        // The key: line 2, after `  "Condition": {"OP": {`.
        #expect(f.span.start.description == "2:\(22 + op.count)")
        #expect(f.locations[0].path.map(\.description).joined() == "Statement[0]Condition\(op)\(key)")
        #expect(f.findingDetails.hasPrefix("Use the operator type \(allowed) instead of operator `\(op)` for the condition key `\(key)`"))
    }

    @Test("Operators that fit their key's type are not TYPE_MISMATCH", arguments: [
        #"{"Bool": {"aws:SecureTransport": "false"}}"#,
        #"{"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}"#,
        #"{"DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}}"#,
        #"{"DateGreaterThan": {"aws:EpochTime": "1735689600"}}"#,
        #"{"NumericGreaterThan": {"aws:EpochTime": "1735689600"}}"#,
        #"{"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#,
        #"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}"#,
        #"{"StringLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}"#,
        #"{"ArnEquals": {"aws:SourceAccount": "111122223333"}}"#,
        #"{"Null": {"aws:SecureTransport": "true"}}"#,
        #"{"StringEquals": {"kms:ViaService": "kinesis.us-east-1.amazonaws.com"}}"#,
        #"{"StringEquals": {"example:UnknownKey": "1"}}"#,
    ])
    func fittingOperators(block: String) {
        let text = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "kinesis:*", "Resource": "*", "Condition": \#(block)}]}"#
        #expect(Self.only(.typeMismatch, in: text).isEmpty, "\(Self.findings(text))")
    }

    @Test func publicTrustPolicyIsAnErrorAtThePrincipal() throws {
        let text = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Principal": {"AWS": "*"},
            "Action": "sts:AssumeRole"
          }]
        }
        """
        let f = try #require(Self.only(.publicTrustPolicy, in: text, .trust).first)
        #expect(f.findingType == .error)
        #expect(f.span.start.description == "5:26")
        #expect(f.locations[0].path.map(\.description).joined() == "Statement[0]Principal")
        #expect(f.findingDetails.contains("`aws:PrincipalOrgID`"))
        // The same statement in a stream's resource policy is another matter.
        #expect(Self.only(.publicTrustPolicy, in: text, .resource).isEmpty)
    }

    @Test("A condition that pins the caller makes a * trust policy non-public", arguments: [
        (#"{"StringEquals": {"aws:PrincipalAccount": "111122223333"}}"#, false),
        (#"{"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#, false),
        (#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ci-*"}}"#, false),
        (#"{"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}"#, false),
        (#"{"StringEquals": {"aws:SourceAccount": "111122223333"}}"#, false),
        (#"{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#, false),
        (#"{"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}"#, false),
        (#"{"StringNotEquals": {"aws:PrincipalAccount": "444455556666"}}"#, true),
        (#"{"StringEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}}"#, true),
        (#"{"ForAllValues:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*"}}"#, true),
        (#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/ci"}}"#, true),
        (#"{"StringLike": {"aws:PrincipalAccount": "*"}}"#, true),
        (#"{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}"#, true),
        (#"{"Bool": {"aws:SecureTransport": "true"}}"#, true),
        (#"{"StringEquals": {"sts:ExternalId": "a1b2c3"}}"#, true),
    ])
    func pinningConditions(block: String, isPublic: Bool) {
        let text = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": \#(block)}]}"#
        #expect(Self.only(.publicTrustPolicy, in: text, .trust).isEmpty != isPublic, "\(Self.findings(text, .trust))")
    }

    @Test func wildcardSTSActionInATrustPolicyIsASecurityWarning() throws {
        let text = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:user/ci-deployer"},
            "Action": "sts:*"
          }]
        }
        """
        let f = try #require(Self.only(.assumeRoleActionsViaWildcard, in: text, .trust).first)
        #expect(f.findingType == .securityWarning)
        #expect(f.span.start.description == "6:15")
        #expect(f.findingDetails.contains("`sts:AssumeRoleWithSAML`, `sts:AssumeRoleWithWebIdentity`"))
        #expect(Self.findings(text, .trust).allSatisfy { $0.findingType < .error })
    }
}
