import Foundation
import IAMPolicy

/// The policy engine's figures: decisions, parsing, validation, adversarial matching.
enum PolicyBenchmarks {
    /// A typical producer role: five statements, two with conditions, one Deny guard.
    static let typicalPolicy = #"""
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Sid": "ReadStreamShape", "Effect": "Allow",
         "Action": ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards"],
         "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders"},
        {"Sid": "WriteOrders", "Effect": "Allow",
         "Action": ["kinesis:PutRecord", "kinesis:PutRecords"],
         "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders",
         "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d"}}},
        {"Sid": "ListAll", "Effect": "Allow", "Action": "kinesis:ListStreams", "Resource": "*"},
        {"Sid": "UseKey", "Effect": "Allow", "Action": "kms:GenerateDataKey",
         "Resource": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
         "Condition": {"StringEquals": {"kms:ViaService": "kinesis.us-east-1.amazonaws.com"}}},
        {"Sid": "DenyPlainHTTP", "Effect": "Deny", "Action": "kinesis:*", "Resource": "*",
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
      ]
    }
    """#

    static func run(filter: String?) -> [(String, Double, String)] {
        var out: [(String, Double, String)] = []
        func want(_ name: String) -> Bool { filter.map { name.hasPrefix($0) || $0.hasPrefix(name) } ?? true }

        if want("policy.decisions_per_s") {
            out.append(("policy.decisions_per_s", decisionsPerSecond(), "1/s"))
        }
        if want("policy.authorizations_per_s") {
            out.append(("policy.authorizations_per_s", decisionsPerSecond(explained: true), "1/s"))
        }
        if want("policy.adversarial_wildcard_match_us") {
            out.append(("policy.adversarial_wildcard_match_us", adversarialMatchMicroseconds(), "us"))
        }
        if want("policy.parse_per_s") {
            let n = 20_000
            let rate = bestRate(operations: n) {
                for _ in 0..<n { consume(try? PolicyParser().parse(typicalPolicy)) }
            }
            out.append(("policy.parse_per_s", rate, "1/s"))
        }
        if want("json.read_mib_per_s") {
            let text = largeDocument()
            let n = 50
            let rate = bestRate(operations: n) {
                for _ in 0..<n { consume(try? JSONReader().read(text)) }
            }
            out.append(("json.read_mib_per_s", rate * Double(text.utf8.count) / 1_048_576, "MiB/s"))
        }
        return out
    }

    /// Decisions per second for the typical policy over a mix of requests (allowed, denied
    /// by the guard, implicitly denied), request construction excluded. `explained` uses the
    /// full `authorize` (matched statements, missing keys) instead of `decision(for:)`.
    static func decisionsPerSecond(explained: Bool = false) -> Double {
        guard let policy = try? AttachedPolicy(id: "checkout-producer", text: typicalPolicy) else {
            fatalError("benchmark policy does not parse")
        }
        let policies = PolicySet(identityPolicies: [policy])
        let producer = Principal(kind: .assumedRole,
                                 arn: "arn:aws:sts::111122223333:assumed-role/checkout-producer/s1",
                                 account: "111122223333",
                                 roleArn: "arn:aws:iam::111122223333:role/checkout-producer")
        var viaEndpoint = RequestContext()
        viaEndpoint["aws:SecureTransport"] = .boolean(true)
        viaEndpoint["aws:SourceVpce"] = .string("vpce-0a1b2c3d")
        var plainHTTP = viaEndpoint
        plainHTTP["aws:SecureTransport"] = .boolean(false)
        let orders = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
        let requests = [
            AuthorizationRequest(principal: producer, action: "kinesis:PutRecord", resource: orders, context: viaEndpoint),
            AuthorizationRequest(principal: producer, action: "kinesis:GetRecords", resource: orders, context: viaEndpoint),
            AuthorizationRequest(principal: producer, action: "kinesis:PutRecords", resource: orders, context: plainHTTP),
            AuthorizationRequest(principal: producer, action: "kinesis:DescribeStream", resource: orders, context: viaEndpoint),
            AuthorizationRequest(principal: producer, action: "kinesis:ListStreams", resource: "*", context: viaEndpoint),
            AuthorizationRequest(principal: producer, action: "kinesis:DeleteStream",
                                 resource: "arn:aws:kinesis:us-east-1:111122223333:stream/payments", context: viaEndpoint),
        ]
        let authorizer = Authorizer()
        let rounds = 50_000
        let n = rounds * requests.count
        return bestRate(operations: n) {
            var allowed = 0
            for _ in 0..<rounds {
                for r in requests {
                    let d = explained
                        ? authorizer.authorize(r, against: policies).decision
                        : authorizer.decision(for: r, against: policies)
                    if d == .allowed { allowed += 1 }
                }
            }
            consume(allowed)
        }
    }

    /// Microseconds for one match of a 100-star pattern against a 10 KB text that fails at the end.
    static func adversarialMatchMicroseconds() -> Double {
        let pattern = Array(repeating: "a", count: 100).joined(separator: "*") + "*b"
        let text = String(repeating: "a", count: 10_000)
        let tokens = Glob.compile(pattern)
        let n = 200
        let rate = bestRate(operations: n) {
            var hits = 0
            var t = text
            t.withUTF8 { bytes in
                // Vary the text by one byte per round so the match cannot be hoisted.
                for i in 0..<n where Glob.matches(tokens, UnsafeBufferPointer(rebasing: bytes[0..<(bytes.count - (i & 1))])) {
                    hits += 1
                }
            }
            consume(hits)
        }
        return 1_000_000 / rate
    }

    /// A policy-shaped document just under the 128 KiB limit.
    static func largeDocument() -> String {
        var statements: [String] = []
        var size = 0
        var i = 0
        while size < 120_000 {
            let s = #"{"Sid": "S\#(i)", "Effect": "Allow", "Action": ["kinesis:PutRecord", "kinesis:GetRecords"], "Resource": "arn:aws:kinesis:eu-west-1:123456789012:stream/s\#(i)"}"#
            statements.append(s)
            size += s.utf8.count + 2
            i += 1
        }
        return "{\"Version\": \"2012-10-17\", \"Statement\": [\n" + statements.joined(separator: ",\n") + "\n]}"
    }
}
