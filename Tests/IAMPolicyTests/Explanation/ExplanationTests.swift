import Testing
@testable import IAMPolicy

/// Explanations say which statement decided, and why the others did not apply.
@Suite struct ExplanationTests {
    static let orders = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
    static let alice = Principal(kind: .user, arn: "arn:aws:iam::111122223333:user/alice", account: "111122223333")

    static func policies(_ text: String) throws -> PolicySet {
        PolicySet(identityPolicies: [try AttachedPolicy(id: "alice-inline", text: text)])
    }

    @Test func allowedNamesTheAllowingStatementAndItsLine() throws {
        let set = try Self.policies("""
        {"Version": "2012-10-17",
         "Statement": [
          {"Sid": "WriteOrders", "Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": "\(Self.orders)"}]}
        """)
        let (result, explanation) = Authorizer().explain(
            AuthorizationRequest(principal: Self.alice, action: "kinesis:PutRecord", resource: Self.orders), against: set)
        #expect(result.decision == .allowed)
        #expect(explanation.summary.hasPrefix("Allowed: statement \"WriteOrders\" of alice-inline (line 3)"))
        #expect(result.accessDeniedMessage == nil)
    }

    @Test func implicitDenyPointsAtTheNearMissAndItsMissingKey() throws {
        let set = try Self.policies("""
        {"Version": "2012-10-17",
         "Statement": [
          {"Sid": "ReadClicks", "Effect": "Allow", "Action": "kinesis:GetRecords",
           "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/clicks"},
          {"Sid": "WriteViaEndpoint", "Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": "\(Self.orders)",
           "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d"}}}]}
        """)
        let (result, explanation) = Authorizer().explain(
            AuthorizationRequest(principal: Self.alice, action: "kinesis:PutRecord", resource: Self.orders), against: set)
        #expect(result.decision == .implicitDeny)
        #expect(result.missingContextKeys == ["aws:SourceVpce"])
        #expect(explanation.summary.hasPrefix("Implicitly denied: no statement allows kinesis:PutRecord"))
        let texts = explanation.details.map(\.text)
        #expect(texts.contains { $0.contains("\"WriteViaEndpoint\"") && $0.contains("has no `aws:SourceVpce` value") })
        // A statement about another action is not worth mentioning.
        #expect(!texts.contains { $0.contains("ReadClicks") })
        #expect(result.accessDeniedMessage == "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kinesis:PutRecord on resource: \(Self.orders) because no identity-based policy allows the kinesis:PutRecord action")
    }

    @Test func explicitDenyNamesTheDenyAndAWSsWording() throws {
        let set = try Self.policies("""
        {"Version": "2012-10-17",
         "Statement": [
          {"Effect": "Allow", "Action": "kinesis:PutRecord*", "Resource": "*"},
          {"Sid": "DenyPlainHTTP", "Effect": "Deny", "Action": "kinesis:*", "Resource": "*",
           "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
        """)
        var context = RequestContext()
        context["aws:SecureTransport"] = .boolean(false)
        let (result, explanation) = Authorizer().explain(
            AuthorizationRequest(principal: Self.alice, action: "kinesis:PutRecords", resource: Self.orders, context: context),
            against: set)
        #expect(result.decision == .explicitDeny)
        #expect(result.matchedStatements.map(\.sid) == ["DenyPlainHTTP"])
        #expect(explanation.summary.contains("statement \"DenyPlainHTTP\" of alice-inline (line 4) denies"))
        #expect(result.accessDeniedMessage?.hasSuffix("with an explicit deny in an identity-based policy") == true)
    }

    @Test func crossAccountWithoutAResourcePolicySaysBothSidesAreNeeded() throws {
        let set = try Self.policies("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": "\(Self.orders)"}]}
        """)
        let bob = Principal(kind: .user, arn: "arn:aws:iam::444455556666:user/bob", account: "444455556666")
        let (result, explanation) = Authorizer().explain(
            AuthorizationRequest(principal: bob, action: "kinesis:GetRecords", resource: Self.orders), against: set)
        #expect(result.decision == .implicitDeny)
        #expect(result.denial == Denial(explicit: false, kind: .resource))
        #expect(explanation.summary.contains("no resource-based policy of account 111122223333 allows it"))
        #expect(result.accessDeniedMessage?.hasSuffix("because no resource-based policy allows the kinesis:GetRecords action") == true)
    }

    @Test func fastDecisionAgreesWithTheFullResult() throws {
        let set = try Self.policies("""
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "kinesis:Get*", "Resource": "\(Self.orders)"},
          {"Effect": "Deny", "Action": "kinesis:GetResourcePolicy", "Resource": "*"}]}
        """)
        for action in ["kinesis:GetRecords", "kinesis:GetResourcePolicy", "kinesis:PutRecord", "KINESIS:getshardITERATOR"] {
            let request = AuthorizationRequest(principal: Self.alice, action: action, resource: Self.orders)
            #expect(Authorizer().decision(for: request, against: set) == Authorizer().authorize(request, against: set).decision)
        }
    }
}
