/// What ``LabValidator`` found in one lab: every problem, positioned in the lab's files,
/// what happened to each built-in mutant, and the counts.
public struct LabValidation: Sendable, Equatable {
    /// The lab's id (its folder's name).
    public var labId: String
    /// Problems, the loader's first, then the validator's: `solution.json:7:9: warning: …`.
    public var problems: [LabProblem]
    /// Each built-in mutant of the solution and whether the checks refused it.
    public var mutations: [MutationOutcome]
    /// The counts; all zero when the lab did not load.
    public var summary: Summary

    /// Creates a validation.
    public init(labId: String, problems: [LabProblem], mutations: [MutationOutcome] = [], summary: Summary = Summary()) {
        self.labId = labId
        self.problems = problems
        self.mutations = mutations
        self.summary = summary
    }

    /// The number of errors.
    public var errorCount: Int { problems.filter { $0.severity == .error }.count }
    /// The number of warnings.
    public var warningCount: Int { problems.filter { $0.severity == .warning }.count }
    /// Whether any problem is an error (the lab must not ship).
    public var hasErrors: Bool { errorCount > 0 }

    /// Counts for a one-line summary.
    public struct Summary: Sendable, Equatable {
        /// Whether the lab loaded (so the rest was checked).
        public var loaded: Bool
        /// Checks in `lab.json`.
        public var checks: Int
        /// Variants (other correct answers) graded.
        public var variants: Int
        /// Shipped mutants (`mutants/`) graded.
        public var shippedMutants: Int
        /// Built-in mutants of the solution that some check failed.
        public var mutationsKilled: Int
        /// Built-in mutants that passed every check.
        public var mutationsSurvived: Int

        /// Creates a summary.
        public init(loaded: Bool = false, checks: Int = 0, variants: Int = 0, shippedMutants: Int = 0,
                    mutationsKilled: Int = 0, mutationsSurvived: Int = 0) {
            self.loaded = loaded
            self.checks = checks
            self.variants = variants
            self.shippedMutants = shippedMutants
            self.mutationsKilled = mutationsKilled
            self.mutationsSurvived = mutationsSurvived
        }
    }

    /// One built-in mutant and its fate.
    public struct MutationOutcome: Sendable, Equatable {
        /// The mutation (its name, kind, position and text).
        public var mutation: PolicyMutation
        /// The checks that failed it; empty when it survived.
        public var failedChecks: [String]

        /// Creates an outcome.
        public init(mutation: PolicyMutation, failedChecks: [String]) {
            self.mutation = mutation
            self.failedChecks = failedChecks
        }

        /// Whether some check refused it.
        public var killed: Bool { !failedChecks.isEmpty }
    }
}
