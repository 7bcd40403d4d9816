import Testing
@testable import IAMPolicy

/// One malformed policy: the `⏵` marks where the first error must point.
struct MalformedPolicyCase: Sendable, CustomTestStringConvertible {
    let name: String
    let type: PolicyType
    let marked: String
    let code: PolicyParseError.Code
    /// Text the IAM-worded message (or our detail) must contain.
    let mentions: String?

    init(_ name: String, _ marked: String, _ code: PolicyParseError.Code, type: PolicyType = .identity, mentions: String? = nil) {
        self.name = name
        self.type = type
        self.marked = marked
        self.code = code
        self.mentions = mentions
    }

    var testDescription: String { name }
}

private let stream = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
private let put = #""Action":"kinesis:PutRecord""#
private let res = #""Resource":"\#(stream)""#

@Suite("PolicyParser")
struct PolicyParserTests {
    static let malformed: [MalformedPolicyCase] = [
        .init("a policy that is an array is not an object", #"⏵[{"Effect":"Allow"}]"#, .notAnObject),
        .init("a policy that is a string is not an object", #"⏵"policy""#, .notAnObject),
        .init("a trailing comma is a JSON syntax error", "{\"Version\":\"2012-10-17\",⏵}", .jsonSyntax, mentions: "Syntax errors in policy."),
        .init("a missing comma between members is a JSON syntax error", "{\"Version\":\"2012-10-17\" ⏵\"Statement\":[]}", .jsonSyntax),
        .init("an unterminated object is a JSON syntax error", "{\"Version\":\"2012-10-17\"⏵", .jsonSyntax),
        .init("an unknown top-level field", #"{"Version":"2012-10-17",⏵"Statements":[]}"#, .unknownField, mentions: "Statements"),
        .init("a missing Statement", #"⏵{"Version":"2012-10-17"}"#, .missingStatement),
        .init("an empty Statement array", #"{"Version":"2012-10-17","Statement":⏵[]}"#, .emptyList),
        .init("a Statement that is a string", #"{"Version":"2012-10-17","Statement":⏵"Allow everything"}"#, .wrongType),
        .init("a statement that is not an object", #"{"Statement":[⏵42]}"#, .wrongType),
        .init("a missing Effect", "{\"Statement\":[⏵{\(put),\(res)}]}", .missingEffect, mentions: "Missing required field Effect"),
        .init("a lower-case Effect", "{\"Statement\":{\"Effect\":⏵\"allow\",\(put),\(res)}}", .invalidEffect, mentions: "allow"),
        .init("an Effect that is not a string", "{\"Statement\":{\"Effect\":⏵true,\(put),\(res)}}", .invalidEffect),
        .init("a missing Action", "{\"Statement\":⏵{\"Effect\":\"Allow\",\(res)}}", .missingAction, mentions: "Missing required field Action"),
        .init("both Action and NotAction", "{\"Statement\":{\"Effect\":\"Allow\",\(put),⏵\"NotAction\":\"kinesis:Get*\",\(res)}}", .bothActionAndNotAction),
        .init("an empty Action array", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":⏵[],\(res)}}", .emptyList),
        .init("an action without a service prefix", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":⏵\"PutRecord\",\(res)}}", .invalidActionFormat, mentions: "prefaced by a vendor"),
        .init("an action with two colons", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"kinesis:GetRecords\",⏵\"kinesis:Put:Record\"],\(res)}}", .invalidActionFormat, mentions: "only one colon"),
        .init("an action with bad vendor characters", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":⏵\"kine$is:PutRecord\",\(res)}}", .invalidActionFormat, mentions: "Vendor kine$is is not valid"),
        .init("an action entry that is a number", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[⏵7],\(res)}}", .wrongType),
        .init("a resource that is not an ARN", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\"Resource\":⏵\"orders\"}}", .invalidResourceFormat, mentions: "must be in ARN format"),
        .init("a missing Resource in an identity policy", "{\"Statement\":⏵{\"Effect\":\"Allow\",\(put)}}", .missingResource, mentions: "must contain resources"),
        .init("both Resource and NotResource", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res),⏵\"NotResource\":\"*\"}}", .bothResourceAndNotResource),
        .init("a Principal in an identity policy", "{\"Statement\":{\"Effect\":\"Allow\",⏵\"Principal\":\"*\",\(put),\(res)}}", .prohibitedPrincipal, mentions: "should not specify a principal"),
        .init("a NotPrincipal in an identity policy", "{\"Statement\":{\"Effect\":\"Deny\",⏵\"NotPrincipal\":{\"AWS\":\"111122223333\"},\(put),\(res)}}", .prohibitedPrincipal),
        .init("a missing Principal in a resource policy", "{\"Statement\":⏵{\"Effect\":\"Allow\",\(put),\(res)}}", .missingPrincipal, type: .resource),
        .init("a principal string other than star", "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":⏵\"alice\",\(put),\(res)}}", .invalidPrincipal, type: .resource),
        .init("an AWS principal that is neither account nor ARN", "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":⏵\"alice\"},\(put),\(res)}}", .invalidPrincipal, type: .resource),
        .init("an unknown principal type", "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{⏵\"User\":\"alice\"},\(put),\(res)}}", .invalidPrincipal, type: .resource),
        .init("an unknown condition operator", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res),\"Condition\":{⏵\"StringEqual\":{\"aws:SourceVpce\":\"vpce-1\"}}}}", .invalidConditionOperator, mentions: "did you mean `StringEquals`"),
        .init("an operator in the wrong case, with a suggestion", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res),\"Condition\":{⏵\"stringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}}}", .invalidConditionOperator, mentions: "case-sensitive: did you mean `StringEquals`"),
        .init("NullIfExists is not an operator", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res),\"Condition\":{⏵\"NullIfExists\":{\"aws:SourceVpce\":\"true\"}}}}", .invalidConditionOperator),
        .init("a qualifier in the wrong case", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res),\"Condition\":{⏵\"forallvalues:StringEquals\":{\"aws:TagKeys\":\"a\"}}}}", .invalidConditionOperator),
        .init("a condition value that is an object", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res),\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":⏵{}}}}}", .wrongType),
        .init("a condition value list holding null", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res),\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":[\"a\",⏵null]}}}}", .wrongType),
        .init("a condition operator whose value is not an object", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res),\"Condition\":{\"StringEquals\":⏵\"x\"}}}", .wrongType),
        .init("a condition key repeated in another case", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res),\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"a\",⏵\"AWS:SOURCEVPCE\":\"b\"}}}}", .duplicateField),
        .init("a duplicate statement key", "{\"Statement\":{\"Effect\":\"Allow\",⏵\"Effect\":\"Deny\",\(put),\(res)}}", .duplicateField),
        .init("a duplicate top-level key", "{\"Version\":\"2012-10-17\",⏵\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\(put),\(res)}}", .duplicateField),
        .init("a duplicate Sid", "{\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\(put),\(res)},\n  ⏵{\"Sid\":\"A\",\"Effect\":\"Deny\",\(put),\(res)}]}", .duplicateSid),
        .init("a Sid with a hyphen in an identity policy", "{\"Statement\":{\"Sid\":⏵\"allow-put\",\"Effect\":\"Allow\",\(put),\(res)}}", .invalidSid, mentions: "alpha-numeric"),
        .init("a Sid with a space in an SCP", "{\"Statement\":{\"Sid\":⏵\"allow put\",\"Effect\":\"Allow\",\(put),\(res)}}", .invalidSid, type: .serviceControl),
        .init("an invalid Version", "{\"Version\":⏵\"2012-10-18\",\"Statement\":{\"Effect\":\"Allow\",\(put),\(res)}}", .invalidVersion),
        .init("a Version that is a number", "{\"Version\":⏵2012,\"Statement\":{\"Effect\":\"Allow\",\(put),\(res)}}", .invalidVersion),
        .init("an unknown statement field", "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res),⏵\"Conditions\":{}}}", .unknownField),
        .init("an error on a later line points at its line and column",
              "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\n    \"Effect\": ⏵\"Alow\",\n    \(put),\n    \(res)\n  }\n}", .invalidEffect),
    ]

    @Test("a malformed policy is rejected with the right code at the marked position", arguments: malformed)
    func malformedPolicyPointsAtTheProblem(_ row: MalformedPolicyCase) throws {
        let (text, position) = JSONTestSupport.unmark(row.marked)
        let (policy, errors) = PolicyParser(type: row.type).diagnose(text)
        #expect(policy == nil)
        let first = try #require(errors.first, "no error for \(row.name)")
        #expect(first.code == row.code, "\(first)")
        #expect(first.range.start.line == position.line && first.range.start.column == position.column,
                "expected \(position), got \(first.range.start): \(first)")
        if let mentions = row.mentions {
            #expect((first.message + " " + first.detail).contains(mentions), "\(first)")
        }
        #expect(first.code.awsErrorCode == "MalformedPolicyDocument")
        // parse(_:) throws the same first error.
        #expect(throws: first) { try PolicyParser(type: row.type).parse(text) }
    }

    static let accepted: [(String, PolicyType, String)] = [
        ("Version 2008-10-17", .identity, "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\(put),\(res)}}"),
        ("no Version", .identity, "{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res)}}"),
        ("a Sid with a hyphen in a resource policy", .resource, "{\"Statement\":{\"Sid\":\"allow-put\",\"Effect\":\"Allow\",\"Principal\":\"*\",\(put),\(res)}}"),
        ("an empty Sid", .identity, "{\"Statement\":{\"Sid\":\"\",\"Effect\":\"Allow\",\(put),\(res)}}"),
        ("Id and Version", .identity, "{\"Version\":\"2012-10-17\",\"Id\":\"p1\",\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\",\"NotResource\":\"*\"}]}"),
        ("whitespace and line breaks", .identity, "{\r\n\t\"Statement\" : [ { \"Effect\" : \"Allow\" , \(put) , \(res) } ]\r\n}"),
    ]

    @Test("well-formed corner cases parse", arguments: accepted.map(\.0))
    func acceptedPolicyParses(_ name: String) throws {
        let (_, type, text) = try #require(Self.accepted.first { $0.0 == name })
        let (policy, errors) = PolicyParser(type: type).diagnose(text)
        #expect(errors.isEmpty, "\(errors)")
        #expect(policy != nil)
    }

    @Test("a missing Version means 2008-10-17, so variables are not substituted")
    func absentVersionDefaultsToLegacy() throws {
        let policy = try PolicyParser().parse("{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res)}}")
        #expect(policy.version == nil)
        #expect(policy.effectiveVersion == .v2008_10_17)
        #expect(!policy.supportsVariables)
    }

    @Test("Statement as one object and as an array of one give the same statements")
    func statementObjectEqualsSingletonArray() throws {
        let object = try PolicyParser().parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\(put),\(res)}}")
        let array = try PolicyParser().parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\(put),\(res)}]}")
        #expect(object.jsonValue.withoutRanges == array.jsonValue.withoutRanges)
        #expect(object.statements.count == 1)
        #expect(object.statements[0].action == .action([ActionPattern("kinesis:PutRecord", range: object.statements[0].action.patterns[0].range)]))
    }

    @Test("a string and a one-element array of Action and Resource read the same")
    func stringEqualsSingletonArray() throws {
        let a = try PolicyParser().parse("{\"Statement\":{\"Effect\":\"Allow\",\(put),\(res)}}")
        let b = try PolicyParser().parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"kinesis:PutRecord\"],\"Resource\":[\"\(stream)\"]}}")
        #expect(a.statements[0].action.patterns.map(\.text) == b.statements[0].action.patterns.map(\.text))
        #expect(a.statements[0].resource?.patterns.map(\.text) == b.statements[0].resource?.patterns.map(\.text))
    }

    @Test("the spec's resource policy example reads principals, conditions and their written types")
    func resourcePolicyExampleParses() throws {
        let text = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "cross-account-read",
              "Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::444455556666:role/reader", "444455556666"]},
              "Action": ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream"],
              "Resource": "\(stream)",
              "Condition": {
                "Bool": {"aws:SecureTransport": false},
                "NumericLessThan": {"aws:MultiFactorAuthAge": 3600},
                "StringEquals": {"aws:SourceVpce": ["vpce-1", "vpce-2"]}
              }
            }
          ]
        }
        """
        let policy = try PolicyParser(type: .resource).parse(text)
        let s = try #require(policy.statements.first)
        #expect(s.sid == "cross-account-read")
        #expect(s.principal?.set.entries.map(\.value) == ["arn:aws:iam::444455556666:role/reader", "444455556666"])
        #expect(s.conditions.count == 3)
        #expect(s.conditions[0].values.map(\.writtenAs) == [.boolean])
        #expect(s.conditions[0].values.map(\.text) == ["false"])
        #expect(s.conditions[1].values.map(\.writtenAs) == [.number])
        #expect(s.conditions[2].values.map(\.text) == ["vpce-1", "vpce-2"])
        #expect(s.range.start.line == 4)
        #expect(s.effectRange.start == SourcePosition(line: 6, column: 17, offset: s.effectRange.start.offset))
        #expect(s.conditions[0].op == ConditionOperator(base: .bool))
    }

    @Test("operator names parse with qualifier and IfExists", arguments: [
        ("ForAnyValue:StringLikeIfExists", true), ("ForAllValues:NumericLessThan", true), ("BoolIfExists", true),
        ("Null", true), ("NullIfExists", false), ("StringEqual", false), ("stringequals", false), ("ForAnyValues:StringLike", false),
    ])
    func operatorNames(_ name: String, _ valid: Bool) {
        let op = ConditionOperator(name: name)
        #expect((op != nil) == valid)
        if let op { #expect(op.description == name) }
    }
}
