import Testing
import LabKit

/// `oneOf` in an `exact-access` check's `required`: any one of the group's actions meets the
/// requirement, on each of its resources, in the check's context; the others are optional.
@Suite struct ExactAccessChoiceTests {
    static let orders = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
    static let audit = "arn:aws:kinesis:us-east-1:111122223333:stream/audit"
    static let payments = "arn:aws:kinesis:us-east-1:111122223333:stream/payments"

    /// A producer lab whose discovery is one of three actions, on two streams.
    static let lab = """
    {
      "formatVersion": 1,
      "id": "choice",
      "title": "Discovery as one of three actions",
      "lessons": ["role-policies"],
      "world": {
        "roles": [{ "name": "writer" }],
        "streams": [{ "name": "orders" }, { "name": "audit" }, { "name": "payments" }]
      },
      "submission": { "slot": "identity-policy", "principal": "role/writer" },
      "hints": ["one", "two", "three"],
      "checks": [
        { "id": "exactly", "kind": "exact-access", "as": "role/writer",
          "required": [
            { "actions": ["kinesis:PutRecord"], "resources": ["stream/orders", "stream/audit"] },
            { "oneOf": ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards"],
              "resources": ["stream/orders", "stream/audit"] }
          ] }
      ]
    }
    """

    static func files(_ definition: String) -> LabFiles {
        LabFiles(folderName: "choice", definition: definition, prompt: "# Choice", starter: "{}", solution: "{}")
    }

    let grader: Grader

    init() throws {
        let (lab, problems) = LabLoader(knownLessons: ["role-policies"]).load(Self.files(Self.lab))
        let loaded = try #require(lab, "\(problems)")
        grader = Grader(definition: loaded.definition)
    }

    func check(_ submission: String) throws -> CheckResult {
        let report = grader.grade(submission, name: "answer")
        return try #require(report.checks.first { $0.id == "exactly" })
    }

    @Test("any one action of the group meets it", arguments: ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards"])
    func oneActionMeetsTheGroup(action: String) throws {
        let result = try check(policy(allow(["kinesis:PutRecord", action], [Self.orders, Self.audit])))
        #expect(result.passed, "\(result.message)")
    }

    @Test func theOtherActionsOfTheGroupAreOptional() throws {
        let every = ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards"]
        let result = try check(policy(allow(["kinesis:PutRecord"] + every, [Self.orders, Self.audit])))
        #expect(result.passed, "\(result.message)")
        #expect(result.message.contains("all 4 required grants"))
    }

    @Test func eachResourceMayBeMetByADifferentAction() throws {
        let result = try check(policy(allow(["kinesis:PutRecord"], [Self.orders, Self.audit]),
                                      allow(["kinesis:ListShards"], [Self.orders]),
                                      allow(["kinesis:DescribeStream"], [Self.audit])))
        #expect(result.passed, "\(result.message)")
    }

    @Test func noActionOfTheGroupFailsNamingTheGroup() throws {
        let result = try check(policy(allow(["kinesis:PutRecord"], [Self.orders, Self.audit])))
        #expect(!result.passed)
        #expect(result.message == "role/writer is not granted any of kinesis:DescribeStream, kinesis:DescribeStreamSummary or kinesis:ListShards on \(Self.orders), nor any of kinesis:DescribeStream, kinesis:DescribeStreamSummary or kinesis:ListShards on \(Self.audit) (one of each group is needed)")
        #expect(result.details.contains("missing: one of kinesis:DescribeStream, kinesis:DescribeStreamSummary or kinesis:ListShards on \(Self.orders)"))
    }

    @Test func aGroupIsMetOnlyOnItsOwnResource() throws {
        // Discovery on orders only: audit's group is unmet, and the message says which.
        let result = try check(policy(allow(["kinesis:PutRecord"], [Self.orders, Self.audit]), allow(["kinesis:ListShards"], [Self.orders])))
        #expect(!result.passed)
        #expect(result.message.contains("is not granted any of kinesis:DescribeStream, kinesis:DescribeStreamSummary or kinesis:ListShards on \(Self.audit) (one of them is needed)"))
        #expect(!result.message.contains("on \(Self.orders) "))
    }

    @Test func aGroupsActionsElsewhereAreExtras() throws {
        // ListShards on payments meets nothing and is granted beyond the allowed set.
        let result = try check(policy(allow(["kinesis:PutRecord", "kinesis:ListShards"], [Self.orders, Self.audit, Self.payments])))
        #expect(!result.passed)
        #expect(result.message.contains("kinesis:ListShards on \(Self.payments)"))
        #expect(!result.message.contains("is not granted any of"))
    }

    @Test("broken one-of groups are reported where they are written", arguments: [
        ("{ \"oneOf\": [\"kinesis:DescribeStream\", \"kinesis:DescribeStreamSummary\", \"kinesis:ListShards\"],",
         "{ \"oneOf\": [\"kinesis:ListShards\"],", "`oneOf` needs at least two actions"),
        ("{ \"oneOf\": [\"kinesis:DescribeStream\", \"kinesis:DescribeStreamSummary\", \"kinesis:ListShards\"],",
         "{ \"oneOf\": [\"kinesis:ListShards\", \"kinesis:ListShardz\"],", "`kinesis:ListShardz` is not an action of kinesis"),
        ("{ \"oneOf\": [\"kinesis:DescribeStream\", \"kinesis:DescribeStreamSummary\", \"kinesis:ListShards\"],",
         "{ \"oneOf\": [\"kinesis:DescribeStream\", \"kinesis:describestream\"],", "`oneOf` names `kinesis:DescribeStream` twice"),
        ("{ \"oneOf\": [\"kinesis:DescribeStream\", \"kinesis:DescribeStreamSummary\", \"kinesis:ListShards\"],",
         "{ \"actions\": [\"kinesis:GetRecords\"], \"oneOf\": [\"kinesis:DescribeStream\", \"kinesis:ListShards\"],", "either `actions`"),
        ("{ \"oneOf\": [\"kinesis:DescribeStream\", \"kinesis:DescribeStreamSummary\", \"kinesis:ListShards\"],",
         "{ \"oneOf\": [\"kinesis:PutRecord\", \"kinesis:ListShards\"],", "`kinesis:PutRecord` on \(orders) is required, so the `oneOf` group"),
        ("\"required\": [", "\"optional\": [{ \"oneOf\": [\"kinesis:DescribeStream\", \"kinesis:ListShards\"], \"resources\": [\"stream/orders\"] }],\n \"required\": [",
         "`oneOf` belongs in `required`"),
        ("\"resources\": [\"stream/orders\", \"stream/audit\"] }\n      ] }", "\"resourcez\": [\"stream/orders\"] }\n      ] }", "a one-of grant needs `resources`"),
    ])
    func brokenGroup(replace: String, with replacement: String, message: String) throws {
        let text = Self.lab.replacingOccurrences(of: replace, with: replacement)
        #expect(text != Self.lab, "the test's replacement did not apply")
        let (lab, problems) = LabLoader(knownLessons: ["role-policies"]).load(Self.files(text))
        #expect(lab == nil)
        let problem = try #require(problems.first { $0.message.contains(message) }, "\(problems)")
        #expect(problem.file == "lab.json")
        #expect(problem.line > 1)
    }

    @Test func aGroupIsReadOnePerResource() throws {
        let (lab, _) = LabLoader(knownLessons: ["role-policies"]).load(Self.files(Self.lab))
        let definition = try #require(lab?.definition)
        guard case .exactAccess(let spec) = try #require(definition.checks.first).kind else {
            Issue.record("not an exact-access check")
            return
        }
        #expect(spec.requiredOneOf == [
            GrantChoice(actions: ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards"], resource: Self.orders),
            GrantChoice(actions: ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards"], resource: Self.audit),
        ])
        #expect(spec.allowedGrants.count == 2 + 6)
    }
}
