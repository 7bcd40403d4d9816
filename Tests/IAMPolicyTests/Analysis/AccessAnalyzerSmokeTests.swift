import Testing
@testable import IAMPolicy

/// The analysis on hand-written worlds: the shapes of insecure answers a sampled check missed.
@Suite struct AccessAnalyzerSmokeTests {
    static let account = "111122223333"
    static let orders = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"

    func producer(_ policy: String) throws -> RequestModel {
        let p = Principal(kind: .assumedRole, arn: "arn:aws:sts::111122223333:assumed-role/producer/s", account: Self.account,
                          roleArn: "arn:aws:iam::111122223333:role/producer")
        let set = PolicySet(identityPolicies: [try AttachedPolicy(id: "submission", text: policy)])
        return RequestModel(accounts: [Self.account], regions: ["us-east-1"],
                            principals: [ModelPrincipal(principal: p, policies: set,
                                                        context: ["aws:PrincipalArn": .string("arn:aws:iam::111122223333:role/producer")])],
                            resources: [ModelResource(arn: Self.orders)], earliestTime: 1_767_225_600_000)
    }

    func grants(_ policy: String) throws -> [AccessAnalyzer.Sample] {
        let a = AccessAnalyzer(models: [try producer(policy)])
        return try a.grants(in: AnalysisScope(principals: .only(["arn:aws:iam::111122223333:role/producer"])))
    }

    @Test func exactGrantIsExact() throws {
        let g = try grants(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/orders"}]}"#)
        #expect(g.count == 1, "\(g.map(\.line))")
        #expect(g.first?.request.action == "kinesis:PutRecord")
        #expect(g.first?.request.resource == Self.orders)
    }

    @Test func conditionalAllowOutsideTheSampleIsFound() throws {
        let g = try grants(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:GetRecords","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#)
        #expect(!g.isEmpty)
        #expect(g.allSatisfy { $0.request.context["aws:MultiFactorAuthPresent"]?.values == ["true"] })
    }

    @Test func futureDateIsFound() throws {
        let g = try grants(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}}]}"#)
        #expect(!g.isEmpty)
        let past = try grants(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}}]}"#)
        #expect(past.isEmpty)
    }

    @Test func wildcardNamesFindStreamsTheWorldLacks() throws {
        let g = try grants(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":["arn:aws:kinesis:us-east-1:111122223333:stream/orders","arn:aws:kinesis:us-east-?:1111222233??:stream/page-views*"]}]}"#)
        let resources = Set(g.map(\.request.resource))
        #expect(resources.contains(Self.orders))
        #expect(resources.count >= 2)
        #expect(resources.contains { $0.contains("page-views") })
    }

    @Test func requestedRegionInTheRegionFieldReachesEveryRegion() throws {
        let g = try grants(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"arn:aws:kinesis:${aws:RequestedRegion}:111122223333:stream/orders"}]}"#)
        let resources = Set(g.map(\.request.resource))
        #expect(resources.contains(Self.orders))
        // The same stream name in another region is granted too: the variable is that region.
        #expect(resources.contains { $0.hasSuffix(":111122223333:stream/orders") && !$0.contains(":us-east-1:") }, "\(resources)")
        #expect(!resources.contains { !$0.hasSuffix(":111122223333:stream/orders") }, "\(resources)")
        for s in g {
            #expect(Authorizer().decision(for: s.request, against: s.policySets[0]) == .allowed)
            #expect(s.request.context["aws:RequestedRegion"]?.values == [ARN(parsing: s.request.resource)?.region ?? ""])
        }
    }

    @Test func requestedRegionElsewhereIsUnknown() throws {
        #expect(throws: AnalysisUnknown.self) {
            try grants(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/${aws:RequestedRegion}-orders"}]}"#)
        }
        #expect(throws: AnalysisUnknown.self) {
            try grants(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"arn:aws:*:${aws:RequestedRegion}:111122223333:stream/orders"}]}"#)
        }
    }

    @Test func denyWithAWayRoundIsFound() throws {
        let policy = #"""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*"},
          {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"},"BoolIfExists":{"aws:ViaAWSService":"false"}}}]}
        """#
        let a = AccessAnalyzer(models: [try producer(policy)])
        let scope = AnalysisScope(principals: .only(["arn:aws:iam::111122223333:role/producer"]), actions: ["kinesis:PutRecord"],
                                  resources: [Self.orders], fixedContext: ["aws:SourceVpce": nil])
        let way = try a.firstAllowed(in: scope)
        #expect(way?.request.context["aws:ViaAWSService"]?.values == ["true"])
    }

    @Test func otherServicesCount() throws {
        let g = try grants(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kinesis:PutRecord","iam:PassRole"],"Resource":"*"}]}"#)
        #expect(g.contains { $0.request.action.lowercased() == "iam:passrole" })
    }
}

extension AccessAnalyzer.Sample {
    /// One line for a failing expectation.
    var line: String {
        "\(request.principal.arn) \(request.action) \(request.resource) \(request.context.keys.map { "\($0)=\(request.context[$0]!.values)" })"
    }
}

/// A resource the world has keeps its own policy even when it has none: only resources the
/// world lacks get the assumed "trusts the caller's account" policy.
@Suite struct AccessAnalyzerKnownResourceTests {
    @Test func aKnownRoleWithoutATrustPolicyLetsNoOneIn() throws {
        let role = "arn:aws:iam::111122223333:role/deployer"
        let trust = try AttachedPolicy(id: "trust", text: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}"#, type: .trust)
        let with = RequestModel(accounts: ["111122223333"], regions: ["us-east-1"], resources: [ModelResource(arn: role, policy: trust)])
        let without = RequestModel(accounts: ["111122223333"], regions: ["us-east-1"], resources: [ModelResource(arn: role, policy: nil)])
        let analyzer = AccessAnalyzer(models: [with, without])
        let scope = AnalysisScope(principals: .everyone, actions: ["sts:AssumeRole"], resources: [role])
        let new = try analyzer.allNewAccess(in: scope)
        // Every other principal of the account (its IAM policies assumed to allow) gains the role.
        #expect(new.contains { $0.request.principal.account == "111122223333" && !$0.knownPrincipal })
        #expect(try AccessAnalyzer(models: [without]).grants(in: scope).isEmpty)
    }
}
