import Testing
@testable import IAMPolicy

extension ValuesTests {
    @Suite("ARN")
    struct ARNTests {
        @Test("ARNs split into six components", arguments: [
            ("arn:aws:kinesis:us-east-1:111122223333:stream/orders",
             ["arn", "aws", "kinesis", "us-east-1", "111122223333", "stream/orders"]),
            ("arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/app1:1525898737",
             ["arn", "aws", "kinesis", "us-east-1", "111122223333", "stream/orders/consumer/app1:1525898737"]),
            ("arn:aws:iam::111122223333:user/alice", ["arn", "aws", "iam", "", "111122223333", "user/alice"]),
            ("arn:aws:s3:::bucket/key", ["arn", "aws", "s3", "", "", "bucket/key"]),
            ("arn:aws:sts::111122223333:assumed-role/R/S", ["arn", "aws", "sts", "", "111122223333", "assumed-role/R/S"]),
            ("arn:aws-cn:kms:cn-north-1:111122223333:key/abc", ["arn", "aws-cn", "kms", "cn-north-1", "111122223333", "key/abc"]),
            ("arn:aws:kinesis:*:*:stream/*", ["arn", "aws", "kinesis", "*", "*", "stream/*"]),
            ("arn:::::", ["arn", "", "", "", "", ""]),
            ("arn:a:b:c:d:e:f:g", ["arn", "a", "b", "c", "d", "e:f:g"]),
            ("arn:aws:logs:us-east-1:111122223333:log-group:/aws/x:*", ["arn", "aws", "logs", "us-east-1", "111122223333", "log-group:/aws/x:*"]),
        ])
        func splits(text: String, parts: [String]) throws {
            let c = try #require(ARN.components(of: text))
            #expect(c.count == ARN.componentCount)
            #expect(c.map(String.init) == parts)
            let arn = try #require(ARN(parsing: text))
            #expect(arn.partition == parts[1])
            #expect(arn.service == parts[2])
            #expect(arn.region == parts[3])
            #expect(arn.account == parts[4])
            #expect(arn.resource == parts[5])
            #expect(arn.description == text)
        }

        @Test("non-ARNs are rejected", arguments: [
            "", "*", "arn", "arn:", "arn:aws", "arn:aws:kinesis:us-east-1:111122223333",
            "arn:aws:kinesis:us-east-1", "ARN:aws:kinesis:us-east-1:111122223333:stream/x",
            "Arn:aws:kinesis:us-east-1:111122223333:stream/x", " arn:aws:kinesis:us-east-1:1:stream/x",
            "urn:aws:kinesis:us-east-1:111122223333:stream/x", "stream/orders", "arn::::",
            "aws:kinesis:us-east-1:111122223333:stream/orders:x",
        ])
        func rejects(text: String) {
            #expect(ARN.components(of: text) == nil)
            #expect(ARN(parsing: text) == nil)
        }

        @Test("components keep multi-byte text intact")
        func unicode() throws {
            let c = try #require(ARN.components(of: "arn:aws:s3:::bücket/ключ:é"))
            #expect(c[5] == "bücket/ключ:é")
        }

        @Test("memberwise init and equality")
        func memberwise() throws {
            let a = ARN(partition: "aws", service: "kinesis", region: "us-east-1", account: "111122223333", resource: "stream/orders")
            #expect(a.description == "arn:aws:kinesis:us-east-1:111122223333:stream/orders")
            #expect(try #require(ARN(parsing: a.description)) == a)
        }
    }
}
