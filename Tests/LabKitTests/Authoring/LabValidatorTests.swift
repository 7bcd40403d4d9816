import Testing
import LabKit

@Suite struct LabValidatorTests {
    /// A small lab: one role, two streams, the given checks.
    static func lab(checks: String, solution: String = solution, starter: String = "{\"Version\": \"2012-10-17\", \"Statement\": []}") -> LabFiles {
        let definition = """
            {
              "formatVersion": 1, "id": "tiny", "title": "Tiny", "order": 1, "difficulty": 1, "lessons": [],
              "world": { "account": "111122223333", "region": "us-east-1",
                "roles": [{ "name": "producer", "trustPolicy": { "Version": "2012-10-17",
                  "Statement": [{ "Effect": "Allow", "Principal": { "Service": "ecs-tasks.amazonaws.com" }, "Action": "sts:AssumeRole" }] } }],
                "streams": [{ "name": "orders" }, { "name": "payments" }] },
              "submission": { "slot": "identity-policy", "principal": "role/producer", "policyName": "p" },
              "hints": ["one", "two", "three"],
              "checks": [\(checks)]
            }
            """
        return LabFiles(folderName: "tiny", definition: definition, prompt: "# Tiny\n", starter: starter, solution: solution,
                        variants: [("same", solution)])
    }

    static let solution = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "kinesis:PutRecord",
              "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
            }
          ]
        }
        """

    static let canPut = """
        { "id": "can-put", "kind": "access", "title": "can put", "as": "role/producer", "action": "kinesis:PutRecord",
          "resource": "stream/orders", "expect": "allowed" }
        """
    static let exact = """
        { "id": "exact", "kind": "exact-access", "title": "exactly", "as": "role/producer",
          "required": [{ "actions": ["kinesis:PutRecord"], "resources": ["stream/orders"] }] }
        """

    @Test func aFailingSolutionIsAnErrorNamingTheCheck() {
        let wrong = Self.solution.replacingOccurrences(of: "stream/orders", with: "stream/payments")
        let v = LabValidator().validate(Self.lab(checks: Self.canPut, solution: wrong))
        let problem = v.problems.first { $0.file == "solution.json" }
        #expect(problem?.severity == .error, "\(v.problems.map(\.description))")
        #expect(problem?.message.contains("`can-put`") == true, "\(v.problems.map(\.description))")
        #expect(v.hasErrors)
        #expect(v.mutations.isEmpty)
    }

    @Test func aPassingStarterIsAnError() {
        let v = LabValidator().validate(Self.lab(checks: Self.canPut, starter: Self.solution))
        #expect(v.problems.contains { $0.file == "starter.json" && $0.severity == .error && $0.message.contains("passes every check") })
    }

    @Test func accessChecksAloneLetWideningMutantsSurvive() {
        let v = LabValidator().validate(Self.lab(checks: Self.canPut))
        #expect(v.summary.mutationsSurvived > 0)
        let service = v.problems.first { $0.message.contains("\"widen Action kinesis:PutRecord to kinesis:*\"") }
        #expect(service?.severity == .warning)
        #expect(service?.file == "solution.json" && service?.line == 6 && service?.column == 17)
        let everything = v.problems.first { $0.message.contains("\"widen Action kinesis:PutRecord to *\"") }
        #expect(everything?.severity == .error)
        #expect(everything?.message.contains("insecure") == true)
        #expect(v.hasErrors)
    }

    @Test func anExactAccessCheckKillsTheWideningMutants() {
        let v = LabValidator().validate(Self.lab(checks: Self.canPut + "," + Self.exact))
        #expect(v.summary.mutationsSurvived == 0, "\(v.problems.map(\.description))")
        #expect(v.summary.mutationsKilled == v.mutations.count && !v.mutations.isEmpty)
        #expect(v.mutations.allSatisfy { $0.failedChecks.contains("exact") })
        #expect(!v.hasErrors, "\(v.problems.map(\.description))")
    }

    @Test func shippedMutantsMustFailWhatTheirExpectNames() {
        var files = Self.lab(checks: Self.canPut + "," + Self.exact)
        let wide = Self.solution.replacingOccurrences(of: "kinesis:PutRecord", with: "kinesis:Put*")
        files.mutants = [("put-star", wide, "# comment\ncan-put\nexact: PutResourcePolicy\nexact: GetRecords\n")]
        let v = LabValidator().validate(files)
        let problems = v.problems.filter { $0.file == "mutants/put-star.expect" }
        #expect(problems.map(\.line) == [2, 4])
        #expect(problems[0].message.contains("passes check `can-put`"))
        #expect(problems[1].message.contains("does not mention `GetRecords`"))
    }

    @Test func aShortHintLadderIsAWarning() {
        var files = Self.lab(checks: Self.canPut + "," + Self.exact)
        files.definition = files.definition?.replacingOccurrences(of: "[\"one\", \"two\", \"three\"]", with: "[\"one\"]")
        let v = LabValidator().validate(files)
        #expect(v.problems.contains { $0.file == "lab.json" && $0.severity == .warning && $0.message.contains("hint ladder has 1 hint") })
    }

    @Test func aLabThatDoesNotLoadReportsTheLoadersProblems() {
        let files = LabFiles(folderName: "tiny", definition: "{\n  \"formatVersion\": 1,\n  \"id\": 3\n}", prompt: "", starter: "",
                             solution: "")
        let v = LabValidator().validate(files)
        #expect(!v.summary.loaded)
        #expect(v.problems.contains { $0.file == "lab.json" && $0.line == 3 })
    }
}
