import Testing
import IAMPolicy
import LabKit

@Suite struct PolicyMutatorTests {
    static let identity = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Write",
              "Effect": "Allow",
              "Action": ["kinesis:PutRecord", "kinesis:PutRecords"],
              "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders",
              "Condition": { "Bool": { "aws:SecureTransport": "true" } }
            },
            {
              "Sid": "NoDelete",
              "Effect": "Deny",
              "Action": "kinesis:DeleteStream",
              "Resource": "*"
            }
          ]
        }
        """

    @Test func makesEveryKindOfMutantWithStableNamesAndPositions() {
        let mutations = PolicyMutator(account: "111122223333", mutatesPrincipals: false).mutations(of: Self.identity)
        #expect(mutations.map(\.name) == [
            "widen Action kinesis:PutRecord to kinesis:*",
            "widen Action of statement 1 (Write) to *",
            "replace Action with NotAction in statement 1 (Write)",
            "add an Allow of * beside statement 1 (Write) under Bool aws:MultiFactorAuthPresent true",
            "widen Resource arn:aws:kinesis:us-east-1:111122223333:stream/orders to *",
            "widen Resource arn:aws:kinesis:us-east-1:111122223333:stream/orders to arn:aws:kinesis:us-east-1:111122223333:stream/orders*",
            "widen Resource arn:aws:kinesis:us-east-1:111122223333:stream/orders to arn:aws:kinesis:us-east-1:111122223333:stream/*",
            "drop the Condition of statement 1 (Write)",
            "remove statement 1 (Write)",
            "flip statement 2 (NoDelete) from Deny to Allow",
            "add BoolIfExists aws:ViaAWSService false to Deny statement 2 (NoDelete)",
            "drop Deny statement 2 (NoDelete)",
        ])
        #expect(mutations.map(\.kind) == [.widenActionToService, .widenActionToAll, .actionToNotAction, .addConditionalAllow,
                                          .widenResourceToAll, .widenResourceNameSuffix, .widenResourceName, .dropCondition,
                                          .removeStatement, .flipDenyToAllow, .addConditionToDeny, .dropDenyStatement])
        // Positions point at what changed: the first action, the Resource value, the Effect value.
        #expect((mutations[0].line, mutations[0].column) == (7, 18))
        #expect((mutations[4].line, mutations[4].column) == (8, 19))
        #expect((mutations[9].line, mutations[9].column) == (13, 17))
    }

    @Test func everyMutantIsAValidPolicyThatDiffersFromTheOriginal() throws {
        let original = try PolicyParser(type: .identity).parse(Self.identity)
        for m in PolicyMutator(account: "111122223333", mutatesPrincipals: false).mutations(of: Self.identity) {
            let parsed = try PolicyParser(type: .identity).parse(m.text)
            #expect(parsed.statements != original.statements, "\(m.name) changed nothing")
        }
    }

    @Test func mutantTextsSayWhatTheNameSays() throws {
        let m = PolicyMutator(account: "111122223333", mutatesPrincipals: false).mutations(of: Self.identity)
        let json = try m.map { try JSONReader().read($0.text) }
        func statements(_ v: JSONValue) -> [JSONValue] { v["Statement"]?.elements ?? [] }
        #expect(statements(json[0])[0]["Action"]?.elements?.compactMap(\.stringValue) == ["kinesis:*", "kinesis:PutRecords"])
        #expect(statements(json[1])[0]["Action"]?.stringValue == "*")
        #expect(statements(json[2])[0]["NotAction"] != nil && statements(json[2])[0]["Action"] == nil)
        // The conditional copy sits right after the statement, every action, under MFA.
        #expect(statements(json[3]).count == 3 && statements(json[3])[1]["Action"]?.stringValue == "*")
        #expect(statements(json[3])[1]["Condition"]?["Bool"]?["aws:MultiFactorAuthPresent"]?.stringValue == "true")
        #expect(statements(json[3])[1]["Condition"]?["Bool"]?["aws:SecureTransport"] == nil)
        #expect(statements(json[4])[0]["Resource"]?.stringValue == "*")
        #expect(statements(json[5])[0]["Resource"]?.stringValue == "arn:aws:kinesis:us-east-1:111122223333:stream/orders*")
        #expect(statements(json[6])[0]["Resource"]?.stringValue == "arn:aws:kinesis:us-east-1:111122223333:stream/*")
        #expect(statements(json[7])[0]["Condition"] == nil)
        #expect(statements(json[8]).count == 1 && statements(json[8])[0]["Sid"]?.stringValue == "NoDelete")
        #expect(statements(json[9])[1]["Effect"]?.stringValue == "Allow")
        #expect(statements(json[10])[1]["Condition"]?["BoolIfExists"]?["aws:ViaAWSService"]?.stringValue == "false")
        #expect(statements(json[11]).count == 1 && statements(json[11])[0]["Sid"]?.stringValue == "Write")
    }

    @Test func resourcePoliciesWidenPrincipalsNotResources() throws {
        let text = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:role/reader"},
              "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders"}}
            """
        let mutations = PolicyMutator(account: "111122223333", mutatesPrincipals: true).mutations(of: text)
        #expect(mutations.map(\.name) == [
            "widen Action kinesis:GetRecords to kinesis:*",
            "widen Action kinesis:GetRecords to *",
            "replace Action with NotAction in statement 1",
            "add an Allow of * beside statement 1 under Bool aws:MultiFactorAuthPresent true",
            "widen Principal to *",
            "widen Principal to * with ArnLike aws:PrincipalArn arn:aws:iam::*:role/reader",
            "widen Principal to arn:aws:iam::444455556666:root",
        ])
        for m in mutations { _ = try PolicyParser(type: .resource).parse(m.text) }
    }

    @Test func skipsMutantsThatCannotChangeAnything() {
        let text = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "kinesis:ListStreams", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders"},
              {"Effect": "Allow", "Action": "kinesis:*", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/*"},
              {"Effect": "Allow", "Action": "kinesis:DescribeStream", "Resource": "*"}]}
            """
        let names = PolicyMutator(account: "111122223333", mutatesPrincipals: false).mutations(of: text).map(\.name)
        // ListStreams takes no resource, so its Resource to `*` changes nothing; its name wildcard still does.
        #expect(!names.contains("widen Resource arn:aws:kinesis:us-east-1:111122223333:stream/orders to *"))
        #expect(!names.contains("widen Action kinesis:* to kinesis:*"))
        #expect(!names.contains { $0.hasPrefix("widen Resource arn:aws:kinesis:us-east-1:111122223333:stream/* to arn") })
        #expect(!names.contains("widen Resource * to *"))
        #expect(names.contains("widen Action kinesis:* to *"))
        #expect(names.contains("widen Action kinesis:DescribeStream to kinesis:*"))
    }

    @Test(arguments: ["", "not json", "[]", "{\"Version\": \"2012-10-17\"}"])
    func unreadablePoliciesHaveNoMutants(text: String) {
        #expect(PolicyMutator(account: "111122223333", mutatesPrincipals: false).mutations(of: text).isEmpty)
    }

    @Test func survivalSeverityPolicy() {
        let errors = PolicyMutation.Kind.allCases.filter { $0.survivalSeverity == .error }
        #expect(Set(errors) == [.widenActionToAll, .widenResourceToAll, .actionToNotAction, .widenPrincipalToAll, .flipDenyToAllow,
                                .addConditionalAllow, .widenPrincipalByARNPattern, .addConditionToDeny])
    }
}
