import IAMPolicy
import KinesisSim
import Testing
import LabKit

/// A lab's world can hold customer managed policies and attach them (and AWS's) to its users
/// and roles; grading, in-process, sees their grants as `kdslab serve` does.
@Suite struct ManagedPolicyLabTests {
    /// Role `writer` has no inline policy: its only grant is the attached managed policy
    /// `stream-writer`. The learner writes the trust policy of role `other`.
    static func lab(attached: String = #"["stream-writer"]"#, extra: String = "") -> String {
        """
        {
          "formatVersion": 1, "id": "managed", "title": "Managed policies",
          "world": {
            "managedPolicies": [
              {"name": "stream-writer", "description": "writes orders", \(extra)
               "policy": {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": ["kinesis:PutRecord", "kinesis:DescribeStreamSummary"],
                  "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders"}]}}
            ],
            "roles": [
              {"name": "writer", "attachedPolicies": \(attached)},
              {"name": "other"}
            ],
            "streams": [{"name": "orders"}, {"name": "payments"}]
          },
          "submission": {"slot": "trust-policy", "role": "other"},
          "hints": ["The writer's grant comes from a managed policy."],
          "checks": [
            {"id": "writer-can-put", "kind": "access", "as": "role/writer", "action": "kinesis:PutRecord",
             "resource": "stream/orders", "expect": "allowed"},
            {"id": "writer-cannot-put-payments", "kind": "access", "as": "role/writer", "action": "kinesis:PutRecord",
             "resource": "stream/payments", "expect": "denied"},
            {"id": "writer-workload", "kind": "workload", "steps": [
              {"as": "role/writer", "call": "PutRecord", "input": {"StreamName": "orders", "PartitionKey": "k", "Text": "hi"}},
              {"as": "role/writer", "call": "PutRecord", "expect": "AccessDeniedException",
               "input": {"StreamName": "payments", "PartitionKey": "k", "Text": "hi"}}
            ]}
          ]
        }
        """
    }

    static let trust = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]}"#

    static func load(_ text: String) -> (Lab?, [LabProblem]) {
        let files = LabFiles(folderName: "managed", definition: text, prompt: "# Managed", starter: trust, solution: trust)
        let (lab, problems) = LabLoader().load(files)
        return (lab, problems)
    }

    @Test func aRoleGrantedOnlyByAnAttachedManagedPolicyCanPutRecord() throws {
        let (loaded, problems) = Self.load(Self.lab())
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        let lab = try #require(loaded)
        let report = Grader(definition: lab.definition).grade(lab.solution, name: "solution.json")
        #expect(report.passed, "\(report.failedChecks.map { "\($0.id): \($0.message)" })")
    }

    @Test func withoutTheAttachmentTheRoleIsDenied() throws {
        let lab = try #require(Self.load(Self.lab(attached: "[]")).0)
        let report = Grader(definition: lab.definition).grade(lab.solution, name: "solution.json")
        #expect(Set(report.failedChecks.map(\.id)) == ["writer-can-put", "writer-workload"])
    }

    @Test func theBuiltWorldHoldsThePolicyAndTheAttachment() throws {
        let lab = try #require(Self.load(Self.lab(extra: #""path": "/team/","#)).0)
        let world = try WorldBuilder(spec: lab.definition.world).build()
        let arn = "arn:aws:iam::111122223333:policy/team/stream-writer"
        let policy = try #require(world.managedPolicy(arn: arn))
        #expect(policy.description == "writes orders")
        #expect(policy.defaultVersionId == "v1")
        #expect(world.accounts["111122223333"]?.roles["writer"]?.attachedPolicies == [arn])
        #expect(world.attachmentCount(of: arn) == 1)
    }

    @Test func anAWSManagedPolicyCanBeAttachedByARN() throws {
        let lab = try #require(Self.load(Self.lab(attached: #"["arn:aws:iam::aws:policy/AdministratorAccess"]"#)).0)
        let report = Grader(definition: lab.definition).grade(lab.solution, name: "solution.json")
        // AdministratorAccess allows payments too.
        #expect(report.failedChecks.map(\.id) == ["writer-cannot-put-payments", "writer-workload"])
    }

    @Test("A bad managed policy or attachment is a problem at its place", arguments: [
        (#"["no-such-policy"]"#, "", "attached policy `no-such-policy` is neither one of the world's `managedPolicies` nor an AWS managed policy kdslab knows"),
        (#"["arn:aws:iam::aws:policy/PowerUserAccess"]"#, "", "attached policy `arn:aws:iam::aws:policy/PowerUserAccess` is neither"),
        (#"["stream-writer", "stream-writer"]"#, "", "policy `stream-writer` is attached twice"),
        (#"["stream-writer"]"#, #""path": "team","#, "`team` is not a valid IAM path"),
        (#"[7]"#, "", "`attachedPolicies`"),
    ])
    func badAttachmentsAreProblems(attached: String, extra: String, message: String) {
        let (lab, problems) = Self.load(Self.lab(attached: attached, extra: extra))
        #expect(lab == nil)
        #expect(problems.contains { $0.message.contains(message) }, "\(problems.map(\.message))")
    }
}
