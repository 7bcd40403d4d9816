import Testing
@testable import IAMPolicy

/// The fixture-driven decision tests: one parameterized test per topic file in
/// `Fixtures/evaluation/`, one argument per row, so a failure names the row.
@Suite("Evaluation fixtures")
struct EvaluationFixtureTests {
    private func run(_ file: String, _ name: String) throws {
        let rows = try EvaluationFixture.load(file)
        let row = try #require(rows.first { $0.name == name }, "no row named \(name) in \(file).json")
        try row.check()
    }

    @Test("every fixture file is present, non-empty and names its rows uniquely", arguments: EvaluationFixture.files)
    func fixtureFileIsWellFormed(_ file: String) throws {
        let rows = try EvaluationFixture.load(file)
        #expect(!rows.isEmpty)
        let names = rows.map(\.name)
        #expect(Set(names).count == names.count, "duplicate row names in \(file).json")
    }

    @Test("actions-and-wildcards.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "actions-and-wildcards"))
    func actionsAndWildcards(_ name: String) throws { try run("actions-and-wildcards", name) }

    @Test("resources-and-arns.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "resources-and-arns"))
    func resourcesAndArns(_ name: String) throws { try run("resources-and-arns", name) }

    @Test("condition-string.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "condition-string"))
    func conditionString(_ name: String) throws { try run("condition-string", name) }

    @Test("condition-numeric.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "condition-numeric"))
    func conditionNumeric(_ name: String) throws { try run("condition-numeric", name) }

    @Test("condition-date.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "condition-date"))
    func conditionDate(_ name: String) throws { try run("condition-date", name) }

    @Test("condition-bool-null.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "condition-bool-null"))
    func conditionBoolNull(_ name: String) throws { try run("condition-bool-null", name) }

    @Test("condition-ip.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "condition-ip"))
    func conditionIp(_ name: String) throws { try run("condition-ip", name) }

    @Test("condition-arn.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "condition-arn"))
    func conditionArn(_ name: String) throws { try run("condition-arn", name) }

    @Test("condition-binary.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "condition-binary"))
    func conditionBinary(_ name: String) throws { try run("condition-binary", name) }

    @Test("set-qualifiers.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "set-qualifiers"))
    func setQualifiers(_ name: String) throws { try run("set-qualifiers", name) }

    @Test("ifexists-and-missing-keys.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "ifexists-and-missing-keys"))
    func ifexistsAndMissingKeys(_ name: String) throws { try run("ifexists-and-missing-keys", name) }

    @Test("variables.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "variables"))
    func variables(_ name: String) throws { try run("variables", name) }

    @Test("not-elements.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "not-elements"))
    func notElements(_ name: String) throws { try run("not-elements", name) }

    @Test("combining-and-deny.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "combining-and-deny"))
    func combiningAndDeny(_ name: String) throws { try run("combining-and-deny", name) }

    @Test("cross-account.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "cross-account"))
    func crossAccount(_ name: String) throws { try run("cross-account", name) }

    @Test("boundary-and-session.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "boundary-and-session"))
    func boundaryAndSession(_ name: String) throws { try run("boundary-and-session", name) }

    @Test("course-policies.json: each row decides as AWS does", arguments: EvaluationFixture.names(in: "course-policies"))
    func coursePolicies(_ name: String) throws { try run("course-policies", name) }
}
