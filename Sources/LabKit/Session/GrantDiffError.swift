/// Why a draft's grants could not be compared with the reference solution's.
public enum GrantDiffError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The lab is answered, not written as a policy: there are no grants to compare.
    case notAPolicy
    /// The draft cannot be graded.
    case draft(SubmissionError)
    /// The reference solution cannot be graded (a broken lab).
    case reference(SubmissionError)
    /// A principal an `exact-access` check measures is not in the lab's world (a broken lab).
    case principalMissing(PrincipalRef)
    /// The analysis could not decide exactly (the reason, in a sentence).
    case unknown(String)

    /// One line for the learner.
    public var description: String {
        switch self {
        case .notAPolicy: "this lab is answered, not written as a policy, so there are no grants to compare"
        case .draft(let e): "your draft cannot be read: \(e)"
        case .reference(let e): "the reference solution cannot be read (a fault in the lab): \(e)"
        case .principalMissing(let p): "\(p) is not in the lab's world"
        case .unknown(let reason): "your draft's grants could not be compared exactly: \(reason)"
        }
    }
}
