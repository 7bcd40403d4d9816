@testable import IAMPolicy

/// One row of a validation table: a policy and the issue code expected (or not) in it.
struct ValidationCase: Sendable, CustomStringConvertible {
    let code: IssueCode
    let policy: MarkedPolicy
    let type: PolicyType

    init(_ code: IssueCode, _ policy: MarkedPolicy, type: PolicyType = .identity) {
        self.code = code
        self.policy = policy
        self.type = type
    }

    var description: String { "\(code.rawValue): \(policy.text.split(separator: "\n").dropFirst(3).prefix(4).joined(separator: " "))" }
}



/// Statement builders: arguments are raw JSON (markers allowed).
enum JSONPolicy {
    static let stream = "\"arn:aws:kinesis:us-east-1:111122223333:stream/orders\""
    static let allStreams = "\"arn:aws:kinesis:us-east-1:111122223333:stream/*\""

    static func statement(_ effect: String = "Allow", action: String, resource: String, extra: String = "") -> String {
        """
            {
              "Effect": "\(effect)",
              "Action": \(action),
              "Resource": \(resource)\(extra.isEmpty ? "" : ",\n      " + extra)
            }
        """
    }

    static func allow(_ action: String, _ resource: String, _ extra: String = "") -> MarkedPolicy {
        MarkedPolicy.document(statement(action: action, resource: resource, extra: extra))
    }

    static func deny(_ action: String, _ resource: String, _ extra: String = "") -> MarkedPolicy {
        MarkedPolicy.document(statement("Deny", action: action, resource: resource, extra: extra))
    }

    /// An Allow of `kinesis:PutRecord` on one stream with one condition block.
    static func condition(_ block: String, effect: String = "Allow") -> MarkedPolicy {
        MarkedPolicy.document(statement(effect, action: "\"kinesis:PutRecord\"", resource: stream, extra: "\"Condition\": \(block)"))
    }

    /// A role trust policy statement.
    static func trust(_ principal: String, action: String = "\"sts:AssumeRole\"", extra: String = "") -> MarkedPolicy {
        MarkedPolicy.document("""
            {
              "Effect": "Allow",
              "Principal": \(principal),
              "Action": \(action)\(extra.isEmpty ? "" : ",\n      " + extra)
            }
        """)
    }

    /// A resource-based policy statement for one stream.
    static func resourcePolicy(_ effect: String, principal: String) -> MarkedPolicy {
        MarkedPolicy.document("""
            {
              "Effect": "\(effect)",
              \(principal),
              "Action": "kinesis:GetRecords",
              "Resource": \(stream)
            }
        """)
    }
}
