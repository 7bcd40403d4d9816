/// Kinesis's rules for tags: at most 50 per stream; keys 1–128 characters, values 0–256;
/// `aws:` keys are reserved; letters, digits, white space and `_ . / = + - @` only.
enum TagRules {
    static let maxTags = 50

    /// Throws `InvalidArgumentException` for a tag Kinesis refuses.
    static func check(_ tags: [String: String]) throws(KinesisError) {
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
            if key.lowercased().hasPrefix("aws:") {
                throw KinesisError(.invalidArgument, "Tag key \(key) uses the reserved prefix aws:.")
            }
            if !key.unicodeScalars.allSatisfy(allowed) || !value.unicodeScalars.allSatisfy(allowed) {
                throw KinesisError(.invalidArgument,
                    "Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - @.")
            }
            if key.count > 128 || value.count > 256 {
                throw KinesisError(.invalidArgument, "Tag key must be 1-128 characters and tag value 0-256 characters: \(key).")
            }
        }
    }

    private static func allowed(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.isWhitespace
            || "_./=+-@".unicodeScalars.contains(s)
    }

    /// Model constraints on a tag map: 1–200 entries, keys 1–128, values 0–256.
    static func validate(_ tags: [String: String]?, at member: String, into v: inout ValidationErrors) {
        guard let tags else { return }
        if tags.isEmpty { v.fail("{}", at: member, "Member must have length greater than or equal to 1") }
        if tags.count > 200 { v.fail("map", at: member, "Member must have length less than or equal to 200") }
        for (k, value) in tags.sorted(by: { $0.key < $1.key }) {
            v.check(k, at: "\(member).key", length: 1...128)
            v.check(value, at: "\(member).value", length: 0...256)
        }
    }
}
