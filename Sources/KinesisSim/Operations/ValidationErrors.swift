/// Collects model-constraint violations the way Coral reports them: up to ten, in member
/// order, as `Value 'v' at 'member' failed to satisfy constraint: ...`.
struct ValidationErrors {
    private(set) var messages: [String] = []

    /// The patterns of Kinesis's API model (whole-string matches).
    enum Pattern {
        case streamName, streamARN, consumerARN, shardId, hashKey, sequenceNumber, keyId, tagKey, resourceARN

        /// The pattern as the model spells it (for the message).
        var text: String {
            switch self {
            case .streamName: "[a-zA-Z0-9_.-]+"
            case .streamARN: "arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+"
            case .consumerARN: "^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+"
            case .shardId: "[a-zA-Z0-9_.-]+"
            case .hashKey: "0|([1-9]\\d{0,38})"
            case .sequenceNumber: "0|([1-9]\\d{0,128})"
            case .keyId: ".*"
            case .tagKey: ".*"
            case .resourceARN: "arn:aws.*:kinesis:.*:\\d{12}:.*stream\\/\\S+"
            }
        }

        /// Whether `s` matches the whole pattern.
        func matches(_ s: String) -> Bool {
            let u = Array(s.utf8)
            func isNameChar(_ b: UInt8) -> Bool {
                (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b == 46 || b == 45
            }
            func decimal(maxDigits: Int) -> Bool {
                guard !u.isEmpty, u.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
                if u.count == 1 { return true }
                return u[0] != 48 && u.count <= maxDigits
            }
            switch self {
            case .streamName, .shardId: return !u.isEmpty && u.allSatisfy(isNameChar)
            case .hashKey: return decimal(maxDigits: 39)
            case .sequenceNumber: return decimal(maxDigits: 129)
            case .keyId, .tagKey: return true
            case .streamARN, .resourceARN, .consumerARN:
                let parts = s.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
                guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "kinesis",
                      parts[4].utf8.count == 12, parts[4].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
                let resource = parts[5]
                guard resource.contains("stream/"), !resource.contains(" ") else { return false }
                if self == .streamARN { return resource.hasPrefix("stream/") && resource.count > 7 }
                if self == .consumerARN { return resource.contains("/consumer/") }
                return true
            }
        }
    }

    /// Records a violation.
    mutating func fail(_ value: String?, at member: String, _ constraint: String) {
        let shown = value.map { "'\($0)'" } ?? "null"
        messages.append("Value \(shown) at '\(member)' failed to satisfy constraint: \(constraint)")
    }

    /// `Member must not be null` when `value` is absent.
    mutating func required<T>(_ value: T?, at member: String) {
        if value == nil { fail(nil, at: member, "Member must not be null") }
    }

    /// Length (in characters) and pattern checks on an optional string.
    mutating func check(_ value: String?, at member: String, length: ClosedRange<Int>, pattern: Pattern? = nil) {
        guard let value else { return }
        let n = value.count
        if n < length.lowerBound {
            fail(value, at: member, "Member must have length greater than or equal to \(length.lowerBound)")
        } else if n > length.upperBound {
            fail(value, at: member, "Member must have length less than or equal to \(length.upperBound)")
        }
        if let pattern, n >= length.lowerBound, !pattern.matches(value) {
            fail(value, at: member, "Member must satisfy regular expression pattern: \(pattern.text)")
        }
    }

    /// Range checks on an optional integer.
    mutating func check(_ value: Int?, at member: String, range: ClosedRange<Int>) {
        guard let value else { return }
        if value < range.lowerBound {
            fail(String(value), at: member, "Member must have value greater than or equal to \(range.lowerBound)")
        } else if value > range.upperBound {
            fail(String(value), at: member, "Member must have value less than or equal to \(range.upperBound)")
        }
    }

    /// Enum membership on an optional string.
    mutating func check(_ value: String?, at member: String, oneOf allowed: [String]) {
        guard let value, !allowed.contains(value) else { return }
        fail(value, at: member, "Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]")
    }

    /// Throws `ValidationException` when anything was recorded.
    func throwIfAny() throws(KinesisError) {
        guard !messages.isEmpty else { return }
        let shown = messages.prefix(10)
        let head = shown.count == 1 ? "1 validation error detected: " : "\(shown.count) validation errors detected: "
        throw KinesisError(.validation, head + shown.joined(separator: "; "))
    }
}
