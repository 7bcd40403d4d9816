/// Checks that a lab is sound before learners see it: the loader's schema and reference
/// checks, then grading — the reference solution passes every check, the starter fails at
/// least one, each variant passes, each shipped mutant fails the checks its `.expect` names
/// with the words it gives — then mutation testing of the solution (``PolicyMutator``), and
/// the hint ladder.
///
/// Pure and deterministic: the CLI reads the files and prints the problems.
public struct LabValidator: Sendable {
    /// The lesson ids that exist, or `nil` not to check the lab's `lessons`.
    public var knownLessons: Set<String>?
    /// Each lesson's section titles, or `nil` not to check the sections quiz questions name.
    public var lessonSections: [String: [String]]?

    /// Creates a validator.
    public init(knownLessons: Set<String>? = nil, lessonSections: [String: [String]]? = nil) {
        self.knownLessons = knownLessons
        self.lessonSections = lessonSections
    }

    /// The fewest hints a lab's ladder may have without a warning.
    public static let minimumHints = 3
    /// The fewest shipped mutants the course asks of a policy lab.
    public static let minimumShippedMutants = 5

    /// Loads `files` and validates the lab; a lab that does not load reports only the
    /// loader's problems.
    public func validate(_ files: LabFiles) -> LabValidation {
        let (lab, problems) = LabLoader(knownLessons: knownLessons, lessonSections: lessonSections).load(files)
        guard let lab else { return LabValidation(labId: files.folderName, problems: problems) }
        return validate(lab, loaderProblems: problems)
    }

    /// Validates a loaded lab; `loaderProblems` (warnings, usually) come first in the result.
    public func validate(_ lab: Lab, loaderProblems: [LabProblem] = []) -> LabValidation {
        let grader = Grader(definition: lab.definition)
        var problems = loaderProblems
        problems += hintProblems(lab.definition)

        let solution = grader.grade(lab.solution, name: "solution.json")
        problems += solutionProblems(solution)
        let starter = grader.grade(lab.starter, name: "starter.json")
        if starter.passed {
            problems.append(LabProblem(file: "starter.json", line: 1, column: 1,
                                       message: "the starter passes every check: it must fail at least one"))
        }
        for variant in lab.variants {
            problems += variantProblems(variant, grader.grade(variant.text, name: variant.name))
        }
        for mutant in lab.mutants {
            problems += shippedMutantProblems(mutant, grader.grade(mutant.text, name: mutant.name))
        }
        if lab.definition.submission != .answers && lab.mutants.count < Self.minimumShippedMutants {
            problems.append(LabProblem(file: "mutants", message:
                "the lab ships \(lab.mutants.count) known-bad answer\(lab.mutants.count == 1 ? "" : "s") in mutants/; the course asks for \(Self.minimumShippedMutants)",
                severity: .warning))
        }
        if lab.variants.isEmpty {
            problems.append(LabProblem(file: "variants", message: "the lab ships no other correct answer in variants/",
                                       severity: .warning))
        }

        // Mutation testing only means something when the solution itself passes.
        let mutations = solution.passed ? mutationOutcomes(lab, grader: grader) : []
        for outcome in mutations where !outcome.killed {
            let m = outcome.mutation
            let severity = m.kind.survivalSeverity
            let why = severity == .error ? ", so the lab would accept an insecure answer" : ""
            problems.append(LabProblem(file: "solution.json", line: m.line, column: m.column,
                                       message: "mutation \"\(m.name)\" passes every check\(why): \(m.kind.advice)",
                                       severity: severity))
        }
        let killed = mutations.filter(\.killed).count
        let summary = LabValidation.Summary(loaded: true, checks: lab.definition.checks.count, variants: lab.variants.count,
                                            shippedMutants: lab.mutants.count, mutationsKilled: killed,
                                            mutationsSurvived: mutations.count - killed)
        return LabValidation(labId: lab.id, problems: problems, mutations: mutations, summary: summary)
    }

    /// Grades every built-in mutant of the solution.
    func mutationOutcomes(_ lab: Lab, grader: Grader) -> [LabValidation.MutationOutcome] {
        guard let mutator = PolicyMutator(slot: lab.definition.submission, account: lab.definition.world.account) else { return [] }
        return mutator.mutations(of: lab.solution).map { m in
            let report = grader.grade(m.text, name: m.name)
            return LabValidation.MutationOutcome(mutation: m, failedChecks: report.failedChecks.map(\.id))
        }
    }

    private func hintProblems(_ d: LabDefinition) -> [LabProblem] {
        let ladder = max(d.hints.count, d.checks.map(\.hints.count).max() ?? 0)
        guard ladder < Self.minimumHints else { return [] }
        return [LabProblem(file: "lab.json", line: 1, column: 1,
                           message: "the hint ladder has \(ladder) hint\(ladder == 1 ? "" : "s"); give at least \(Self.minimumHints), gentle to nearly the answer, in \"hints\"",
                           severity: .warning)]
    }

    private func solutionProblems(_ report: GradeReport) -> [LabProblem] {
        if let error = report.error {
            return [LabProblem(file: "solution.json", line: error.line, column: error.column,
                               message: "the solution cannot be graded: \(error.message)")]
        }
        return report.failedChecks.map { c in
            LabProblem(file: "solution.json", line: c.line ?? 0, column: c.column ?? 0,
                       message: "the solution fails check `\(c.id)` (\(c.title)): \(c.message)")
        }
    }

    private func variantProblems(_ variant: Lab.Variant, _ report: GradeReport) -> [LabProblem] {
        let file = "variants/\(variant.name).json"
        if let error = report.error {
            return [LabProblem(file: file, line: error.line, column: error.column,
                               message: "the variant cannot be graded: \(error.message)")]
        }
        return report.failedChecks.map { c in
            LabProblem(file: file, line: c.line ?? 0, column: c.column ?? 0,
                       message: "the variant is a correct answer but fails check `\(c.id)` (\(c.title)): \(c.message)")
        }
    }

    private func shippedMutantProblems(_ mutant: Lab.Mutant, _ report: GradeReport) -> [LabProblem] {
        let file = "mutants/\(mutant.name).json"
        if report.passed {
            return [LabProblem(file: file, line: 1, column: 1, message: "the known-bad answer passes every check")]
        }
        var problems: [LabProblem] = []
        let expect = "mutants/\(mutant.name).expect"
        for e in mutant.expectations {
            guard let check = report.checks.first(where: { $0.id == e.checkId }) else { continue }  // the loader reported it
            if check.passed {
                problems.append(LabProblem(file: expect, line: e.line, column: e.line > 0 ? 1 : 0,
                                           message: "the known-bad answer passes check `\(e.checkId)`, which it must fail"))
            } else if let words = e.mentions {
                let said = ([check.message] + check.details).joined(separator: " ")
                if !said.lowercased().contains(words.lowercased()) {
                    problems.append(LabProblem(file: expect, line: e.line, column: e.line > 0 ? 1 : 0,
                                               message: "check `\(e.checkId)` fails but its message does not mention `\(words)`: \(check.message)"))
                }
            }
        }
        return problems
    }
}
