import Testing
@testable import IAMPolicy

/// Small random policies over a small finite universe: the analysis agrees with deciding
/// every request of the universe one by one, and every request it reports is one the
/// `Authorizer` allows.
@Suite struct AccessAnalyzerBruteForceTests {
    static let role = "arn:aws:iam::111122223333:role/app"
    static let actionPatterns = ["kinesis:PutRecord", "kinesis:Put*", "kinesis:*", "kinesis:GetRecords", "kinesis:?etRecords"]
    static let resourcePatterns = ["*", "arn:aws:kinesis:us-east-1:111122223333:stream/a*", "arn:aws:kinesis:us-east-1:111122223333:stream/?b",
                                   "arn:aws:kinesis:*:111122223333:stream/orders", "arn:aws:kinesis:us-*:*:stream/*a",
                                   "arn:aws:kinesis:us-east-1:444455556666:stream/*"]
    static let conditions = [
        #""StringEquals":{"aws:SourceVpce":"vpce-1"}"#, #""StringNotEquals":{"aws:SourceVpce":"vpce-1"}"#,
        #""StringLike":{"aws:SourceVpce":"vpce-*"}"#, #""Null":{"aws:SourceVpce":"true"}"#,
        #""StringNotEqualsIfExists":{"aws:SourceVpce":["vpce-1","vpce-2"]}"#, #""Bool":{"aws:MultiFactorAuthPresent":"true"}"#,
    ]
    /// The universe brute force walks.
    static let names = ["a", "b", "ab", "ba", "orders", "x", "aa", "bb"]
    static let actions = ["kinesis:PutRecord", "kinesis:GetRecords", "kinesis:PutResourcePolicy"]

    func randomPolicy(_ rng: inout SeededGenerator) -> String {
        var statements: [String] = []
        for i in 0..<Int.random(in: 1...3, using: &rng) {
            let effect = i == 0 || Bool.random(using: &rng) ? "Allow" : "Deny"
            let action = Self.actionPatterns.randomElement(using: &rng)!
            let resource = Self.resourcePatterns.randomElement(using: &rng)!
            var s = #"{"Effect":"\#(effect)","Action":"\#(action)","Resource":"\#(resource)""#
            if Bool.random(using: &rng) { s += #","Condition":{\#(Self.conditions.randomElement(using: &rng)!)}"# }
            statements.append(s + "}")
        }
        return #"{"Version":"2012-10-17","Statement":[\#(statements.joined(separator: ","))]}"#
    }

    /// Every network and credential setting of the universe.
    static let contexts: [[String: ContextValue]] = {
        var out: [[String: ContextValue]] = []
        for mfa in [false, true] {
            var base: [String: ContextValue] = ["aws:MultiFactorAuthPresent": .boolean(mfa), "aws:ViaAWSService": .boolean(false),
                                                "aws:SecureTransport": .boolean(true)]
            base["aws:SourceIp"] = ContextValue(type: .ip, values: ["203.0.113.10"])
            out.append(base)
            for vpce in ["vpce-1", "vpce-2", "vpce-9"] {
                var c = base
                c["aws:SourceIp"] = nil
                c["aws:SourceVpce"] = .string(vpce)
                c["aws:SourceVpc"] = .string("vpc-1")
                out.append(c)
            }
        }
        return out
    }()

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func agreesWithBruteForce(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for round in 0..<25 {
            let text = randomPolicy(&rng)
            let principal = Principal(kind: .assumedRole, arn: "arn:aws:sts::111122223333:assumed-role/app/s", account: "111122223333",
                                      roleArn: Self.role)
            let set = PolicySet(identityPolicies: [try AttachedPolicy(id: "p", text: text)])
            let known = ModelPrincipal(principal: principal, policies: set, context: ["aws:PrincipalArn": .string(Self.role)])
            let model = RequestModel(accounts: ["111122223333"], regions: ["us-east-1"], principals: [known])
            let analyzer = AccessAnalyzer(models: [model])
            for action in Self.actions {
                for account in ["111122223333", "444455556666"] {
                    for region in ["us-east-1", "us-west-2"] {
                        for name in Self.names {
                            let arn = "arn:aws:kinesis:\(region):\(account):stream/\(name)"
                            // Brute force: every context of the universe, with the analysis's
                            // assumption for a stream of another account (it trusts the caller).
                            var policies = set
                            if account != "111122223333" {
                                policies.resourcePolicy = try AttachedPolicy(id: "r", text: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*","Resource":"*"}]}"#, type: .resource)
                            }
                            let brute = Self.contexts.contains { c in
                                let request = AuthorizationRequest(principal: principal, action: action, resource: arn, context: RequestContext(c))
                                return Authorizer().decision(for: request, against: policies) == .allowed
                            }
                            let scope = AnalysisScope(principals: .only([Self.role]), actions: [action], resources: [arn],
                                                      fixedContext: ["aws:SourceVpc": nil])
                            var found: AccessAnalyzer.Sample?
                            try analyzer.forEachSample(in: AnalysisScope(principals: scope.principals, actions: scope.actions, resources: scope.resources)) { s in
                                if s.decisions[0] == .allowed { found = s; return false }
                                return true
                            }
                            if let found {
                                #expect(Authorizer().decision(for: found.request, against: found.policySets[0]) == .allowed)
                            }
                            // Skipping what no Allow can reach changes nothing that is allowed.
                            let pruned = try analyzer.firstAllowed(in: AnalysisScope(principals: scope.principals, actions: scope.actions,
                                                                                     resources: scope.resources))
                            #expect((pruned != nil) == (found != nil), "seed \(seed) round \(round): pruning changed \(action) on \(arn): \(text)")
                            // The universe's contexts are a subset of the model's: brute force
                            // allowing means the analysis must; the analysis may find more
                            // (other VPC endpoints, other addresses) only through a VPC key.
                            if brute {
                                #expect(found != nil, "seed \(seed) round \(round): \(action) on \(arn) is allowed in the universe but the analysis finds no way: \(text)")
                            } else if let found {
                                let usesVPC = found.request.context["aws:SourceVpce"] != nil
                                #expect(usesVPC, "seed \(seed) round \(round): the analysis allows \(action) on \(arn) in a context brute force lacks: \(text)")
                            }
                        }
                    }
                }
                // Over every resource: if brute force allows the action somewhere, the
                // unrestricted analysis reports it.
                let anywhere = try analyzer.grants(in: AnalysisScope(principals: .only([Self.role]), actions: [action]))
                for g in anywhere {
                    #expect(Authorizer().decision(for: g.request, against: g.policySets[0]) == .allowed)
                }
            }
        }
    }
}
