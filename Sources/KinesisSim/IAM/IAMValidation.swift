/// Collects IAM's model-constraint violations and reports them as IAM does, in Coral's
/// wording: `2 validation errors detected: Value 'a/b' at 'userName' failed to satisfy
/// constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+; …`.
///
/// Lengths count Unicode scalars. Checked before authorization, as IAM does.
struct IAMValidation {
    private(set) var messages: [String] = []

    /// The patterns of IAM's and STS's models.
    enum Pattern {
        /// `[\w+=,.@-]+`: user, role and policy names (Java's `\w`: ASCII letters, digits, `_`).
        case name
        /// `[\w+=,.@-]*`: role session names.
        case sessionName
        /// `[\w]+`: access key ids.
        case word
        /// `/` alone, or `/`, printable ASCII (0x21–0x7E), `/`.
        case path

        /// The pattern as IAM's messages print it.
        var text: String {
            switch self {
            case .name: #"[\w+=,.@-]+"#
            case .sessionName: #"[\w+=,.@-]*"#
            case .word: #"[\w]+"#
            case .path: #"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)"#
            }
        }

        /// Whether all of `value` matches.
        func matches(_ value: String) -> Bool {
            let scalars = value.unicodeScalars
            switch self {
            case .name: return !value.isEmpty && scalars.allSatisfy(Self.isNameCharacter)
            case .sessionName: return scalars.allSatisfy(Self.isNameCharacter)
            case .word:
                return !value.isEmpty && scalars.allSatisfy {
                    switch $0 {
                    case "a"..."z", "A"..."Z", "0"..."9", "_": true
                    default: false
                    }
                }
            case .path:
                let shaped = value == "/" || (scalars.count >= 3 && value.hasPrefix("/") && value.hasSuffix("/"))
                return shaped && scalars.allSatisfy { $0.value >= 0x21 && $0.value <= 0x7E }
            }
        }

        /// `[\w+=,.@-]`.
        static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "+", "=", ",", ".", "@", "-": true
            default: false
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

    /// Length and pattern of an optional string: every constraint it breaks.
    mutating func check(_ value: String?, at member: String, length: ClosedRange<Int>, pattern: Pattern? = nil) {
        guard let value else { return }
        let count = value.unicodeScalars.count
        if count < length.lowerBound {
            fail(value, at: member, "Member must have length greater than or equal to \(length.lowerBound)")
        }
        if count > length.upperBound {
            fail(value, at: member, "Member must have length less than or equal to \(length.upperBound)")
        }
        if let pattern, !value.isEmpty, !pattern.matches(value) {
            fail(value, at: member, "Member must satisfy regular expression pattern: \(pattern.text)")
        }
    }

    /// The range of an optional integer.
    mutating func check(_ value: Int?, at member: String, range: ClosedRange<Int>) {
        guard let value else { return }
        if value < range.lowerBound {
            fail(String(value), at: member, "Member must have value greater than or equal to \(range.lowerBound)")
        } else if value > range.upperBound {
            fail(String(value), at: member, "Member must have value less than or equal to \(range.upperBound)")
        }
    }

    /// Enum membership of an optional string.
    mutating func check(_ value: String?, at member: String, oneOf allowed: [String]) {
        guard let value, !allowed.contains(value) else { return }
        fail(value, at: member, "Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]")
    }

    /// Throws `ValidationError` when anything was recorded: up to ten violations, joined with `; `.
    func throwIfAny() throws(IAMError) {
        guard !messages.isEmpty else { return }
        let shown = messages.prefix(10)
        let head = shown.count == 1 ? "1 validation error detected: " : "\(shown.count) validation errors detected: "
        throw IAMError(.validationError, head + shown.joined(separator: "; "))
    }
}
