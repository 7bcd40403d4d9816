import Testing
@testable import IAMPolicy

/// The validator as a whole: the course's policies, ordering, parse failures, size, metadata.
@Suite struct PolicyValidationTests {
    typealias P = JSONPolicy

    private static func serious(_ findings: [Finding]) -> [Finding] {
        findings.filter { $0.findingType == .error || $0.findingType == .securityWarning }
    }

    // MARK: The course's policies

    static let cleanCoursePolicies: [MarkedPolicy] = [
        // Producer: DescribeStream, PutRecord, PutRecords on one stream.
        P.allow("[\"kinesis:DescribeStream\", \"kinesis:PutRecord\", \"kinesis:PutRecords\"]", P.stream),
        // Kinesis doc example 1: Get* + DescribeStreamSummary on one stream, ListStreams on *.
        MarkedPolicy.document("""
            { "Effect": "Allow", "Action": ["kinesis:Get*", "kinesis:DescribeStreamSummary"], "Resource": \(P.stream) },
            { "Effect": "Allow", "Action": "kinesis:ListStreams", "Resource": "*" }
        """),
        // Kinesis doc example 2: PutRecord* on every stream of an account.
        P.allow("\"kinesis:PutRecord*\"", "\"arn:aws:kinesis:*:111122223333:stream/*\""),
        // Consumer with enhanced fan-out and SSE-KMS.
        MarkedPolicy.document("""
            { "Effect": "Allow", "Action": ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:RegisterStreamConsumer"], "Resource": \(P.stream) },
            { "Effect": "Allow", "Action": ["kinesis:SubscribeToShard", "kinesis:DescribeStreamConsumer"], "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/*" },
            { "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }
        """),
        // Guards: TLS only, and only through one VPC endpoint.
        MarkedPolicy.document("""
            { "Effect": "Deny", "Action": "kinesis:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}} },
            { "Effect": "Deny", "Action": "kinesis:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}} }
        """),
    ]

    @Test("The course's least-privilege policies have no error or security warning", arguments: cleanCoursePolicies)
    func coursePoliciesAreClean(_ policy: MarkedPolicy) {
        let findings = policy.findings()
        #expect(Self.serious(findings).isEmpty, "\(findings)")
    }

    @Test("The producer policy has no findings at all")
    func producerHasNoFindings() {
        let findings = P.allow("[\"kinesis:DescribeStream\", \"kinesis:PutRecord\", \"kinesis:PutRecords\"]", P.stream).findings()
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test("kinesis:* on * is the résumé-building event")
    func kinesisStarOnStar() throws {
        let findings = P.allow("\"kinesis:*\"", "\"*\"").findings()
        let f = try #require(findings.first { $0.issueCode == .overlyPermissive })
        #expect(f.findingType == .securityWarning)
        #expect(f.findingDetails.contains("every Kinesis action on every stream in the account"))
        #expect(f.findingDetails.contains("DeleteStream") && f.findingDetails.contains("PutResourcePolicy"))
        #expect(f.locations.count == 2)
        #expect(f.locations[0].path == [.value("Statement"), .index(0), .value("Action"), .index(0)])
        #expect(f.locations[1].path == [.value("Statement"), .index(0), .value("Resource"), .index(0)])
        // Reported once: not again as a wildcard resource or a permission-changing wildcard.
        #expect(!findings.contains { $0.issueCode == .wildcardResourceWithResourceLevelActions })
        #expect(!findings.contains { $0.issueCode == .permissionChangingActionsViaWildcard })
    }

    @Test("kinesis:Put* on a stream names PutResourcePolicy")
    func putStarReachesPutResourcePolicy() throws {
        let findings = P.allow("\"kinesis:Put*\"", P.stream).findings()
        let f = try #require(findings.first { $0.issueCode == .permissionChangingActionsViaWildcard })
        #expect(f.findingType == .securityWarning)
        #expect(f.findingDetails.contains("`kinesis:PutResourcePolicy`"))
        #expect(!f.findingDetails.contains("DeleteResourcePolicy"))
    }

    // MARK: Messages

    @Test("Unknown actions and services get a did-you-mean", arguments: [
        ("kinesis:PutRecrod", "`kinesis:PutRecord`"),
        ("kinesis:describestreamsumary", "`kinesis:DescribeStreamSummary`"),
        ("kms:Decrpyt", "`kms:Decrypt`"),
        ("kinesys:PutRecord", "`kinesis:PutRecord`"),
    ])
    func didYouMean(action: String, suggestion: String) throws {
        let findings = P.allow("\"\(action)\"", P.stream).findings()
        let f = try #require(findings.first { $0.issueCode == .invalidAction || $0.issueCode == .invalidServiceInAction })
        #expect(f.findingDetails.contains("did you mean \(suggestion)?"), "\(f.findingDetails)")
        #expect(f.findingDetails.contains("`\(action)`"))
    }

    @Test("Findings are sorted by position, then by severity")
    func sorted() {
        let findings = MarkedPolicy.document("""
            { "Effect": "Allow", "Action": ["kinesis:Get*", "kinesis:GetRecords", "kinesis:Nope"], "Resource": "*" },
            { "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }
        """, version: nil).findings()
        let offsets = findings.map(\.span.start.offset)
        #expect(offsets == offsets.sorted())
        #expect(findings.first?.issueCode == .missingVersion)
        #expect(Set(findings.map(\.issueCode)).isSuperset(of: [.redundantAction, .invalidAction, .allowWithNotAction, .wildcardResourceWithResourceLevelActions]))
    }

    @Test("Missing Version points at the opening brace")
    func missingVersion() throws {
        let f = try #require(P.allow("\"kinesis:PutRecord\"", P.stream).text
            .replacingVersion().findingsFor().first { $0.issueCode == .missingVersion })
        #expect(f.findingType == .warning)
        #expect(f.span.start.description == "1:1")
        #expect(f.span.end.description == "1:2")
    }

    // MARK: Parse errors

    @Test("A document that does not parse reports every parse error")
    func everyParseError() {
        let findings = MarkedPolicy.document("""
            { "Effect": "allow", "Action": "kinesis:PutRecord", "Resource": "*" },
            { "Action": "PutRecord", "Resource": "stream/orders" }
        """).findings()
        let codes = findings.map(\.issueCode)
        #expect(codes.contains(.invalidEffect))
        #expect(codes.contains(.missingEffect))
        #expect(codes.contains(.invalidAction))
        #expect(codes.contains(.invalidARNPrefix))
        #expect(findings.allSatisfy { $0.findingType == .error })
        // No rule ran on the broken document (it would have flagged `Resource: "*"`).
        #expect(!codes.contains(.wildcardResourceWithResourceLevelActions))
    }

    @Test("JSON syntax errors are positioned", arguments: [
        ("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n⟦⟧", IssueCode.jsonSyntaxError),
        ("{ \"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\",⟦}⟧ }", IssueCode.jsonSyntaxError),
    ])
    func jsonSyntax(text: String, code: IssueCode) throws {
        let policy = MarkedPolicy(text)
        let f = try #require(policy.findings().first { $0.issueCode == code }, "\(policy.findings())")
        #expect(f.span.start.description == policy.start, "\(f)")
    }

    @Test("Every parse error code maps to an ERROR issue code")
    func parseErrorCodesMapToErrors() {
        let source = _SourceText("")
        for code in PolicyParseError.Code.allCases {
            let error = PolicyParseError(code, message: "m", detail: "d", range: SourceRange(at: .start), path: "Statement[2].Action[1]")
            for type in PolicyType.allCases {
                let f = _ParseErrorMapping.finding(for: error, in: source, type: type)
                #expect(f.findingType == .error, "\(code) -> \(f.issueCode)")
                #expect(f.locations.first?.path == [.value("Statement"), .index(1), .value("Action"), .index(0)])
            }
        }
    }

    @Test("Parse error paths become 0-based path elements", arguments: [
        ("Statement[2].Condition.StringEquals.aws:SourceVpce",
         [FindingLocation.PathElement.value("Statement"), .index(1), .value("Condition"), .key("StringEquals"), .key("aws:SourceVpce")]),
        ("Version", [.value("Version")]),
        ("", []),
    ])
    func parsePaths(text: String, expected: [FindingLocation.PathElement]) {
        #expect(_ParseErrorMapping.path(text) == expected)
    }

    // MARK: Size

    @Test("Size is counted without whitespace outside strings", arguments: [
        ("{ \"a\" : \"b c\" }", 11),
        ("{\n\t\"a\\\" b\": [ 1 , 2 ]\r\n}", 15),
    ])
    func countedSize(text: String, expected: Int) {
        #expect(PolicySizeRule.countedCharacters(text) == expected)
    }

    @Test("A policy over its quota is an error that reports both sizes", arguments: [
        (PolicyValidator.Options.IdentityPolicyQuota.inlineUser, 60, true),
        (.inlineUser, 20, false),
        (.managed, 60, false),
        (.managed, 200, true),
    ])
    func sizeQuota(quota: PolicyValidator.Options.IdentityPolicyQuota, streams: Int, exceeds: Bool) {
        let arns = (0..<streams).map { "\"arn:aws:kinesis:us-east-1:111122223333:stream/s\($0)\"" }.joined(separator: ",\n        ")
        let policy = P.allow("\"kinesis:PutRecord\"", "[\n        \(arns)]")
        let findings = policy.findings(options: .init(identityPolicyQuota: quota))
        let f = findings.first { $0.issueCode == .policySizeExceedsIdentityPolicyQuota }
        #expect((f != nil) == exceeds)
        if let f {
            let counted = PolicySizeRule.countedCharacters(policy.text)
            #expect(f.findingDetails.contains("\(counted) characters without whitespace"))
            #expect(f.findingDetails.contains("(\(policy.text.unicodeScalars.count) as written)"))
            #expect(f.findingDetails.contains("\(quota.characters) characters"))
            #expect(f.span.start.description == "1:1")
        }
    }

    @Test("Resource policies are held to the resource quota")
    func resourceQuota() {
        let policy = P.resourcePolicy("Allow", principal: "\"Principal\": {\"AWS\": \"111122223333\"}")
        #expect(policy.findings(.resource, options: .init(resourcePolicyQuota: 50)).contains { $0.issueCode == .policySizeExceedsResourcePolicyQuota })
        #expect(!policy.findings(.resource).contains { $0.issueCode == .policySizeExceedsResourcePolicyQuota })
    }

    // MARK: Metadata

    @Test("Every issue code has a title, a link and a fixed severity", arguments: IssueCode.allCases)
    func metadata(code: IssueCode) {
        #expect(!code.title.isEmpty)
        #expect(code.learnMoreLink.hasPrefix("https://docs.aws.amazon.com/IAM/latest/UserGuide/"))
        #expect(!code.learnMoreLink.contains(" "))
    }

    @Test("Finding types order by severity")
    func severityOrder() {
        #expect([FindingType.error, .suggestion, .securityWarning, .warning].sorted() == [.suggestion, .warning, .securityWarning, .error])
        #expect(FindingType.error.rawValue == "ERROR" && FindingType.securityWarning.rawValue == "SECURITY_WARNING")
    }
}

private extension String {
    /// The document without its Version line.
    func replacingVersion() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"Version\"") }.joined(separator: "\n")
    }

    func findingsFor() -> [Finding] {
        PolicyValidator().validate(self, type: .identity)
    }
}
