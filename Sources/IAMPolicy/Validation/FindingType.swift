/// How much a finding matters, in Access Analyzer's four `findingType` values.
///
/// Ordered by severity: `suggestion < warning < securityWarning < error`.
public enum FindingType: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    /// Part of the policy does not work (IAM rejects it, or it can never match).
    case error = "ERROR"
    /// The policy grants access we consider overly permissive.
    case securityWarning = "SECURITY_WARNING"
    /// The policy works but does not follow policy-writing best practice.
    case warning = "WARNING"
    /// A stylistic improvement that does not change access.
    case suggestion = "SUGGESTION"

    /// 0 for a suggestion up to 3 for an error.
    var severityRank: Int {
        switch self {
        case .suggestion: 0
        case .warning: 1
        case .securityWarning: 2
        case .error: 3
        }
    }

    /// Orders by severity: a suggestion is less than an error.
    public static func < (lhs: FindingType, rhs: FindingType) -> Bool {
        lhs.severityRank < rhs.severityRank
    }
}
