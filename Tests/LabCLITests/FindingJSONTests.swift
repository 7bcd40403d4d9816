import IAMPolicy
import Testing
@testable import LabCLI

@Suite("Validate output")
struct FindingJSONTests {
    let finding = Finding(
        findingType: .securityWarning, issueCode: .overlyPermissive, findingDetails: "too broad",
        learnMoreLink: "https://example.com",
        locations: [FindingLocation(
            path: [.value("Statement"), .index(0), .value("Condition"), .key("StringEquals")],
            span: SourceRange(start: SourcePosition(line: 2, column: 5, offset: 9),
                              end: SourcePosition(line: 2, column: 8, offset: 12)))])

    @Test("JSON follows Access Analyzer: path elements are objects, columns count from 0")
    func accessAnalyzerShape() {
        let json = JSONWriter.string(Finding.response([finding]))
        #expect(json == #"{"findings":[{"findingDetails":"too broad","findingType":"SECURITY_WARNING","issueCode":"OVERLY_PERMISSIVE","learnMoreLink":"https://example.com","locations":[{"path":[{"value":"Statement"},{"index":0},{"value":"Condition"},{"key":"StringEquals"}],"span":{"start":{"line":2,"column":4,"offset":9},"end":{"line":2,"column":7,"offset":12}}}]}]}"#)
    }

    @Test("the summary counts each finding type, with plurals", arguments: [
        ([FindingType](), "no findings"),
        ([.error], "1 finding: 1 error, 0 security warnings, 0 warnings, 0 suggestions"),
        ([.warning, .suggestion, .suggestion], "3 findings: 0 errors, 0 security warnings, 1 warning, 2 suggestions"),
    ])
    func summary(types: [FindingType], expected: String) {
        var findings: [Finding] = []
        for type in types {
            var f = finding
            f.findingType = type
            findings.append(f)
        }
        let renderer = FindingRenderer(style: .plain, file: SourceFile(name: "p.json", text: "{}"))
        #expect(renderer.summary(findings) == expected)
    }

    @Test("exit status: 1 for an ERROR or SECURITY_WARNING, else 0", arguments: [
        (#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/a"}}"#, Int32(0)),
        (#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kinesis:*","Resource":"*"}}"#, Int32(1)),
        (#"{"Version":"2012-10-17","Statement":{"Effect":"Alow","Action":"kinesis:PutRecord","Resource":"*"}}"#, Int32(1)),
    ])
    func exitStatus(policy: String, status: Int32) {
        let io = TestIO(files: ["p.json": policy])
        #expect(io.run(["policy", "validate", "p.json"]) == status)
    }

    @Test("--policy-type accepts Access Analyzer's names and short forms in any case", arguments: [
        ("IDENTITY_POLICY", PolicyType.identity), ("identity", .identity), ("Resource", .resource),
        ("RESOURCE_POLICY", .resource), ("trust", .trust),
    ])
    func policyTypes(raw: String, type: PolicyType) throws {
        #expect(try ValidateCommand.policyType(raw) == type)
    }
}
