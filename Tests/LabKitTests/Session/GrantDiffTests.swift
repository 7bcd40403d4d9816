import Testing
@testable import LabKit

/// `diff` on the course's own labs: what a draft grants that the reference solution does not,
/// and the reverse, by the access analysis over every principal the lab cares about.
@Suite struct GrantDiffTests {
    static let orders = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
    static let producer = "arn:aws:iam::111122223333:role/checkout-producer"

    func diff(_ lab: String, _ draft: String) throws -> GrantDiff {
        try GrantDiff.compare(draft: draft, in: CourseLabs.lab(lab)).get()
    }

    func mutant(_ lab: String, _ name: String) throws -> String {
        try #require(CourseLabs.files(lab).mutants.first { $0.name == name }?.text, "no mutant \(name) in \(lab)")
    }

    /// Every entry of a side, with its group's principal.
    func entries(_ side: GrantDiff.Side) -> [(principal: String, entry: GrantDiff.Entry)] {
        side.groups.flatMap { g in g.entries.map { (g.principal, $0) } }
    }

    @Test("the reference solution against itself: nothing differs, for every policy lab", arguments: CourseLabs.ids)
    func solutionHasNoDiff(id: String) throws {
        let lab = try CourseLabs.lab(id)
        guard lab.definition.submission != .answers else { return }
        let d = try GrantDiff.compare(draft: lab.solution, in: lab).get()
        #expect(d.isEmpty, "\(d)")
    }

    @Test("producer-only with kinesis:Put*: PutResourcePolicy is granted by the draft alone, through the wildcard")
    func putStar() throws {
        let d = try diff("producer-only", mutant("producer-only", "put-star"))
        #expect(d.scope == .principals([Self.producer]))
        #expect(d.onlyInReference.isEmpty)
        let all = entries(d.onlyInDraft)
        try #require(all.count == 1, "\(all)")
        #expect(all[0].principal == Self.producer)
        #expect(all[0].entry.actions == ["kinesis:PutResourcePolicy"])
        #expect(all[0].entry.resource == Self.orders && all[0].entry.resourceInWorld)
        #expect(all[0].entry.context.isEmpty)
        #expect(all[0].entry.grantedBy == "statement 1, line 4, through `kinesis:Put*`")
    }

    @Test("an identity draft missing an action: it is on the reference's side, and nothing is on the draft's")
    func missingAction() throws {
        let d = try diff("producer-only", mutant("producer-only", "missing-putrecords"))
        #expect(d.onlyInDraft.isEmpty)
        let all = entries(d.onlyInReference)
        try #require(all.count == 1, "\(all)")
        #expect(all[0].principal == Self.producer)
        #expect(all[0].entry.actions == ["kinesis:PutRecords"])
        #expect(all[0].entry.resource == Self.orders)
        #expect(all[0].entry.grantedBy == nil && all[0].entry.deniedBy == nil)
    }

    @Test("an extra Allow under a condition: the entry says the context in which the draft differs")
    func conditionalAllow() throws {
        let lab = try CourseLabs.lab("producer-only")
        let draft = lab.solution.replacingOccurrences(of: "\n  ]\n}", with: """
            ,
                {
                  "Sid": "ReadFromTheOffice",
                  "Effect": "Allow",
                  "Action": "kinesis:GetRecords",
                  "Resource": "\(Self.orders)",
                  "Condition": { "IpAddress": { "aws:SourceIp": "198.51.100.0/24" } }
                }
              ]
            }
            """)
        try #require(draft != lab.solution)
        let d = try GrantDiff.compare(draft: draft, in: lab).get()
        #expect(d.onlyInReference.isEmpty)
        let all = entries(d.onlyInDraft)
        try #require(all.count == 1, "\(all)")
        #expect(all[0].entry.actions == ["kinesis:GetRecords"])
        #expect(all[0].entry.grantedBy == "statement \"ReadFromTheOffice\", line 14")
        // A representative address inside the range, not one outside it.
        let context = all[0].entry.context
        try #require(context.count == 1, "\(context)")
        #expect(context[0].hasPrefix("aws:sourceip=198.51.100."), "\(context)")
    }

    @Test("a stream policy with Principal \"*\": other accounts, services and anonymous callers are on the draft's side")
    func principalStar() throws {
        let d = try diff("cross-account-consumer", mutant("cross-account-consumer", "principal-star"))
        #expect(d.scope == .everyone)
        #expect(d.onlyInReference.isEmpty)
        let who = d.onlyInDraft.groups.map(\.principal)
        // The lab's own principals the reference does not name,
        #expect(who.contains("arn:aws:iam::111122223333:role/events-publisher"))
        #expect(who.contains("arn:aws:iam::444455556666:role/partner-batch-jobs"))
        // any principal of an account the world does not have,
        #expect(who.contains("any principal such as arn:aws:iam::999988887777:user/someone-else"))
        #expect(who.contains("any role such as arn:aws:iam::999988887777:role/any-other-role"))
        // services and anonymous callers.
        #expect(who.contains { $0.hasPrefix("the service principal ") })
        #expect(who.contains("an anonymous caller"))
        // The partner's reader is granted the same by both.
        #expect(!who.contains("arn:aws:iam::444455556666:role/partner-reader"))
        for (_, e) in entries(d.onlyInDraft) {
            #expect(e.grantedBy == "statement \"Everyone\", line 4")
            #expect(e.resource == "arn:aws:kinesis:us-east-1:111122223333:stream/shared-events")
        }
    }

    @Test("a trust policy trusting the account: the draft's statement is named, though it only delegates")
    func trustTheAccount() throws {
        let lab = try CourseLabs.lab("assume-role")
        let d = try GrantDiff.compare(draft: lab.starter, in: lab).get()
        #expect(d.scope == .everyone)
        let all = entries(d.onlyInDraft)
        #expect(all.contains { $0.principal == "arn:aws:iam::111122223333:user/data-analyst" && $0.entry.actions == ["sts:AssumeRole"] })
        for (_, e) in all {
            #expect(e.grantedBy?.hasPrefix("statement \"TrustTheAccount\"") == true, "\(e)")
        }
    }

    @Test("a Deny that reaches too far: the draft's denying statement is named on the reference's side")
    func explicitDeny() throws {
        let d = try diff("explicit-deny-guardrail", mutant("explicit-deny-guardrail", "deny-every-retention-change"))
        // No exact-access check: the identity policy's own principal.
        #expect(d.scope == .principals(["arn:aws:iam::111122223333:role/payments-team"]))
        #expect(d.onlyInDraft.isEmpty)
        let all = entries(d.onlyInReference)
        try #require(all.count == 1, "\(all)")
        #expect(Set(all[0].entry.actions) == ["kinesis:DecreaseStreamRetentionPeriod", "kinesis:IncreaseStreamRetentionPeriod"])
        #expect(all[0].entry.deniedBy == "statement \"ProtectPaymentsProd\", line 4")
    }

    @Test("a key policy: the context of the difference names kms:ViaService, absent or another value")
    func keyPolicyContext() throws {
        let lab = try CourseLabs.lab("kms-producer-consumer")
        let d = try GrantDiff.compare(draft: lab.starter, in: lab).get()
        let writer = try #require(d.onlyInDraft.groups.first { $0.principal == "arn:aws:iam::111122223333:role/ledger-writer" })
        #expect(writer.entries.contains { $0.actions == ["kms:Decrypt"] && $0.context == ["kms:viaservice absent"] })
        let api = try #require(d.onlyInReference.groups.first { $0.principal == "arn:aws:iam::111122223333:role/payments-api" })
        #expect(api.entries.contains { $0.actions == ["kms:GenerateDataKey"] && $0.context == ["kms:viaservice=kinesis.us-east-1.amazonaws.com"] })
    }

    @Test("another service's actions are marked as a class, and resources the world lacks as stand-ins")
    func standIns() throws {
        let plus = try diff("producer-only", mutant("producer-only", "plus-s3"))
        let s3 = entries(plus.onlyInDraft).map(\.entry)
        #expect(!s3.isEmpty && s3.allSatisfy { $0.otherService })
        #expect(s3[0].actionsPhrase().hasPrefix("another service's actions, such as "))
        let star = try diff("producer-only", mutant("producer-only", "resource-star"))
        let elsewhere = entries(star.onlyInDraft).map(\.entry).filter { !$0.resourceInWorld }
        #expect(!elsewhere.isEmpty)
        #expect(elsewhere.allSatisfy { $0.resourcePhrase == "any resource such as " + $0.resource })
        #expect(elsewhere.contains { $0.resource == "arn:aws:kinesis:us-west-2:111122223333:stream/orders" })
    }

    @Test("one principal with many classes: ten are shown, and the rest counted")
    func capped() throws {
        let lab = try CourseLabs.lab("fix-rbe-wildcard")
        let one = try GrantDiff.compare(draft: lab.starter, in: lab).get()
        let group = try #require(one.onlyInDraft.groups.first)
        #expect(group.entries.count == GrantDiff.entriesPerPrincipal)
        #expect(group.more > 0)
    }

    @Test("forty entries a side at most, ten a principal; the principals past the cap are counted, not shown")
    func cappedPerSide() {
        // Six principals of nine entries each (54): the fifth is cut short, the sixth counted.
        var samples: [(principal: String, entry: GrantDiff.Entry)] = []
        for p in 1...6 {
            for r in 1...9 { samples.append(("p\(p)", GrantDiff.Entry(actions: ["kinesis:PutRecord"], resource: "stream/s\(r)"))) }
        }
        let side = GrantDiff.side(samples)
        #expect(side.groups.map(\.principal) == ["p1", "p2", "p3", "p4", "p5"])
        #expect(side.groups.map(\.entries.count) == [9, 9, 9, 9, 4])
        #expect(side.groups.map(\.more) == [0, 0, 0, 0, 5])
        #expect(side.morePrincipals == 1 && side.moreEntries == 9)
        let long = GrantDiff.side((1...15).map { r in ("p", GrantDiff.Entry(actions: ["kinesis:PutRecord"], resource: "stream/s\(r)")) })
        #expect(long.groups.count == 1 && long.groups[0].entries.count == 10 && long.groups[0].more == 5)
        #expect(long.morePrincipals == 0 && long.moreEntries == 0)
    }

    @Test("an identity lab compares the principals its exact-access checks measure and the policy's own")
    func twoMeasuredPrincipals() throws {
        let definition = """
            {
              "formatVersion": 1, "id": "two", "title": "Two principals", "lessons": ["role-policies"],
              "world": { "roles": [{ "name": "writer" }, { "name": "reader" }], "streams": [{ "name": "orders" }] },
              "submission": { "slot": "identity-policy", "principal": "role/writer" },
              "hints": ["one", "two", "three"],
              "checks": [
                { "id": "reader", "kind": "exact-access", "as": "role/reader", "required": [] },
                { "id": "writer", "kind": "access", "as": "role/writer", "action": "kinesis:PutRecord",
                  "resource": "stream/orders", "expect": "allowed" }
              ]
            }
            """
        let solution = policy(allow(["kinesis:PutRecord"], [Self.orders]))
        let files = LabFiles(folderName: "two", definition: definition, prompt: "# Two", starter: "{}", solution: solution)
        let (loaded, problems) = LabLoader(knownLessons: ["role-policies"]).load(files)
        let lab = try #require(loaded, "\(problems)")
        let d = try GrantDiff.compare(draft: policy(allow(["kinesis:PutRecord*"], [Self.orders])), in: lab).get()
        #expect(d.scope == .principals(["arn:aws:iam::111122223333:role/reader", "arn:aws:iam::111122223333:role/writer"]))
        #expect(entries(d.onlyInDraft).map(\.entry.actions) == [["kinesis:PutRecords"]])
        #expect(d.onlyInReference.isEmpty)
    }

    @Test("entries that differ only in actions are merged into one")
    func merged() throws {
        let d = try diff("explicit-deny-guardrail", CourseLabs.lab("explicit-deny-guardrail").starter)
        let all = entries(d.onlyInDraft)
        try #require(all.count == 1, "\(all)")
        #expect(Set(all[0].entry.actions) == ["kinesis:DeleteResourcePolicy", "kinesis:PutResourcePolicy", "kinesis:StopStreamEncryption"])
        #expect(all[0].entry.grantedBy == "statement \"RunOurStreams\" of payments-team-streams, line 4")
    }

    @Test("what cannot be compared is one clear reason")
    func failures() throws {
        let quiz = try CourseLabs.lab("predict-the-decision")
        #expect(GrantDiff.compare(draft: quiz.solution, in: quiz) == .failure(.notAPolicy))
        let lab = try CourseLabs.lab("producer-only")
        guard case .failure(.draft(let e)) = GrantDiff.compare(draft: "{\"Version\": ", in: lab) else {
            Issue.record("a draft that is not JSON should fail as the draft")
            return
        }
        #expect(e.line == 1)
        let federated = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"},
              "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/shared-events"}]}
            """
        let result = GrantDiff.compare(draft: federated, in: try CourseLabs.lab("cross-account-consumer"))
        guard case .failure(.unknown(let reason)) = result else {
            Issue.record("a Federated principal should make the analysis answer unknown: \(result)")
            return
        }
        #expect(reason.contains("Federated"))
        #expect(GrantDiffError.unknown(reason).description.hasPrefix("your draft's grants could not be compared exactly: "))
    }
}
