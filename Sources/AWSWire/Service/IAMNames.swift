/// IAM's model constraints on names and paths, checked before authorization as IAM does,
/// and reported in its Coral wording:
/// `1 validation error detected: Value 'a/b' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+`.
///
/// Names (users, roles, policies, role sessions): `[\w+=,.@-]` (Java's `\w`, ASCII letters,
/// digits and `_`). Paths: `/` alone, or `/`, printable ASCII (0x21–0x7E), `/`; 1–512 characters.
enum IAMNames {
    /// The name pattern as IAM's messages print it.
    static let namePattern = #"[\w+=,.@-]+"#
    /// The path pattern as IAM's messages print it.
    static let pathPattern = #"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)"#

    /// Checks a name member (`userName`, `roleName`, `policyName`) of `length` characters.
    static func check(name value: String, at member: String, length: ClosedRange<Int>) throws(QueryError) {
        var problems: [String] = []
        let count = value.unicodeScalars.count
        if count < length.lowerBound {
            problems.append("Member must have length greater than or equal to \(length.lowerBound)")
        }
        if count > length.upperBound {
            problems.append("Member must have length less than or equal to \(length.upperBound)")
        }
        if !value.isEmpty && !value.unicodeScalars.allSatisfy(isNameCharacter) {
            problems.append("Member must satisfy regular expression pattern: \(namePattern)")
        }
        try report(problems, value: value, at: member)
    }

    /// Checks a path member: `/` or `/…/` of printable ASCII, at most 512 characters.
    static func check(path value: String, at member: String = "path") throws(QueryError) {
        var problems: [String] = []
        let scalars = value.unicodeScalars
        if scalars.count > 512 { problems.append("Member must have length less than or equal to 512") }
        let shaped = value == "/" || (scalars.count >= 3 && value.hasPrefix("/") && value.hasSuffix("/"))
        if !shaped || !scalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E }) {
            problems.append("Member must satisfy regular expression pattern: \(pathPattern)")
        }
        try report(problems, value: value, at: member)
    }

    /// `[\w+=,.@-]`.
    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "+", "=", ",", ".", "@", "-": true
        default: false
        }
    }

    /// `N validation error(s) detected: …`, one clause per problem, joined with `; `.
    private static func report(_ problems: [String], value: String, at member: String) throws(QueryError) {
        guard !problems.isEmpty else { return }
        let count = problems.count == 1 ? "1 validation error detected" : "\(problems.count) validation errors detected"
        let clauses = problems.map { "Value '\(value)' at '\(member)' failed to satisfy constraint: \($0)" }
        throw QueryError("ValidationError", "\(count): " + clauses.joined(separator: "; "))
    }
}
