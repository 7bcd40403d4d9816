/// What a draft grants that the lab's reference solution does not, and the reverse, for the
/// principal of the lab's `exact-access` check.
public struct GrantDiff: Sendable, Equatable {
    /// Whose grants were compared.
    public var principal: PrincipalRef
    /// Granted by the draft only.
    public var onlyInDraft: [Grant]
    /// Granted by the reference solution only.
    public var onlyInReference: [Grant]

    /// Creates a diff.
    public init(principal: PrincipalRef, onlyInDraft: [Grant], onlyInReference: [Grant]) {
        self.principal = principal
        self.onlyInDraft = onlyInDraft
        self.onlyInReference = onlyInReference
    }

    /// Whether the two grant exactly the same.
    public var isEmpty: Bool { onlyInDraft.isEmpty && onlyInReference.isEmpty }

    /// Compares `draft` with `lab`'s solution over the first `exact-access` check.
    public static func compare(draft: String, in lab: Lab) -> Result<GrantDiff, GrantDiffError> {
        let spec = lab.definition.checks.lazy.compactMap { check -> ExactAccessSpec? in
            if case .exactAccess(let s) = check.kind { return s }
            return nil
        }.first
        guard let spec else { return .failure(.noExactAccessCheck) }
        let grader = Grader(definition: lab.definition)
        let mine: GradingContext
        switch grader.context(for: draft) {
        case .success(let c): mine = c
        case .failure(let e): return .failure(.draft(e))
        }
        guard case .success(let reference) = grader.context(for: lab.solution),
              let theirs = reference.grantedPairs(spec), let ours = mine.grantedPairs(spec)
        else { return .failure(.principalMissing(spec.principal)) }
        return .success(GrantDiff(principal: spec.principal, onlyInDraft: ours.subtracting(theirs).sorted(),
                                  onlyInReference: theirs.subtracting(ours).sorted()))
    }
}

/// Why grants could not be compared.
public enum GrantDiffError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The lab measures no principal's grants.
    case noExactAccessCheck
    /// The draft cannot be graded.
    case draft(SubmissionError)
    /// The check's principal is not in the world (a broken lab).
    case principalMissing(PrincipalRef)

    /// One line for the learner.
    public var description: String {
        switch self {
        case .noExactAccessCheck: "this lab has no exact-access check, so there are no grants to compare"
        case .draft(let e): "your draft cannot be read: \(e)"
        case .principalMissing(let p): "\(p) is not in the lab's world"
        }
    }
}
