import IAMPolicy
import KinesisSim

/// Grades submissions to one lab: builds the lab's world with the submission in its slot,
/// then runs every check against the evaluator and the simulated stream.
///
/// Deterministic: the same submission always gets the same report. Pure and `Sendable`, so
/// a class's submissions can be graded in parallel.
public struct Grader: Sendable {
    /// The lab.
    public let definition: LabDefinition
    /// What the access analysis of one submission computed that the next can reuse (most of
    /// a class's answers name the same ARNs and actions). Shared by copies of this grader and
    /// safe across threads; it never changes a verdict (see ``AnalysisCache``).
    public let analysisCache: AnalysisCache

    /// Creates a grader for `definition`.
    public init(definition: LabDefinition, analysisCache: AnalysisCache = AnalysisCache()) {
        self.definition = definition
        self.analysisCache = analysisCache
    }

    /// The largest submission accepted (IAM's own limits are far smaller).
    public static let maxSubmissionBytes = 131_072

    /// Grades `text`, reported under `name`.
    public func grade(_ text: String, name: String) -> GradeReport {
        switch prepare(text) {
        case .failure(let error):
            return ungraded(name: name, error: error, because: "the submission could not be read (\(error))")
        case .success(let context):
            let checks = definition.checks.map { context.run($0) }
            return GradeReport(submission: name, lab: definition.id, checks: checks, maxScore: definition.maxScore)
        }
    }

    /// The report for a submission that cannot be graded: every check failed with `reason`,
    /// pointing at the error's position when it has one.
    public func ungraded(name: String, error: SubmissionError, because reason: String) -> GradeReport {
        let checks = definition.checks.map { c in
            CheckResult(id: c.id, kind: c.kindName, title: c.title, passed: false, points: 0, maxPoints: c.points,
                        message: "not graded: \(reason)",
                        line: error.line > 0 ? error.line : nil, column: error.line > 0 ? error.column : nil)
        }
        return GradeReport(submission: name, lab: definition.id, checks: checks, maxScore: definition.maxScore, error: error)
    }

    /// Runs only the check with id `checkId` (the REPL's `explain` and `hint` use pieces of this).
    public func context(for text: String) -> Result<GradingContext, SubmissionError> {
        prepare(text)
    }

    private func prepare(_ text: String) -> Result<GradingContext, SubmissionError> {
        if text.utf8.count > Self.maxSubmissionBytes {
            return .failure(SubmissionError(message: "it is larger than \(Self.maxSubmissionBytes / 1024) KiB"))
        }
        if text.allSatisfy(\.isWhitespace) {
            return .failure(SubmissionError(message: "it is empty"))
        }
        let slot = definition.submission
        var policy: Policy?
        var answers: [String: (value: String, line: Int, column: Int)] = [:]
        switch slot {
        case .answers:
            do {
                // Graded as AWS would read a duplicated key: the last one counts.
                for entry in try QuizDraft(parsing: text).entries { answers[entry.id] = (entry.answer, entry.line, entry.column) }
            } catch {
                return .failure(error)
            }
        default:
            let type = slot.policyType ?? .identity
            do {
                policy = try PolicyParser(type: type).parse(text)
            } catch {
                let message = error.detail.isEmpty ? error.message : "\(error.message) \(error.detail)"
                return .failure(SubmissionError(message: message, line: error.range.start.line, column: error.range.start.column))
            }
        }
        let world: KinesisWorld
        do {
            world = try WorldBuilder(spec: definition.world).build(submission: slot == .answers ? nil : text, in: slot)
        } catch {
            if error.inSubmission {
                return .failure(SubmissionError(message: error.message, line: error.line, column: error.column))
            }
            return .failure(SubmissionError(message: "the lab's world could not be built: \(error.message)"))
        }
        return .success(GradingContext(definition: definition, world: world, text: text, policy: policy, answers: answers,
                                       analysisCache: analysisCache))
    }
}

/// Everything a check needs: the lab, the world with the submission in place, the
/// submission's text and AST (or the learner's answers).
public struct GradingContext: Sendable {
    /// The lab.
    public let definition: LabDefinition
    /// The world, submission attached.
    public let world: KinesisWorld
    /// The submission as written.
    public let text: String
    /// The submission's policy, unless the submission is answers.
    public let policy: Policy?
    /// Quiz answers by question id, with where each is written.
    let answers: [String: (value: String, line: Int, column: Int)]
    /// The world as the access analysis sees it, built once for every check that analyses.
    let requestModel: RequestModel
    /// Shared with every analysis of this submission and of the grader's other submissions.
    let analysisCache: AnalysisCache

    init(definition: LabDefinition, world: KinesisWorld, text: String, policy: Policy?,
         answers: [String: (value: String, line: Int, column: Int)], analysisCache: AnalysisCache) {
        self.analysisCache = analysisCache
        self.definition = definition
        self.world = world
        self.text = text
        self.policy = policy
        self.answers = answers
        self.requestModel = world.requestModel()
    }

    /// The name the submission's policy has in the world (explanations name it).
    public var submissionPolicyName: String {
        definition.submission.policyName ?? SubmissionSlot.defaultPolicyName
    }

    /// A caller acting as `ref`: the IAM user, or a session of the role.
    public func caller(_ ref: PrincipalRef, via: ConnectionSpec) -> Caller? {
        let account = ref.account ?? definition.world.account
        let region = definition.world.region
        switch ref.kind {
        case .user: return world.caller(user: ref.name, account: account, connection: via.connection, region: region)
        case .role: return world.session(of: ref.name, account: account, sessionName: "\(ref.name)-session",
                                         connection: via.connection, region: region)
        }
    }

    /// Runs one check.
    public func run(_ check: CheckSpec) -> CheckResult {
        let outcome: CheckOutcome
        switch check.kind {
        case .access(let spec): outcome = gradeAccess(spec)
        case .exactAccess(let spec): outcome = gradeExactAccess(spec)
        case .workload(let spec): outcome = gradeWorkload(spec)
        case .findings(let spec): outcome = gradeFindings(spec)
        case .predict(let spec): outcome = gradePredict(spec)
        case .choice(let spec): outcome = gradeChoice(spec)
        }
        // A quiz earns a share of its points for each right answer, so its score and its
        // message ("6 of 8 predictions are right") say the same thing.
        let points = outcome.passed ? check.points : outcome.share.map { $0.of > 0 ? check.points * $0.right / $0.of : 0 } ?? 0
        return CheckResult(id: check.id, kind: check.kindName, title: check.title, passed: outcome.passed,
                           points: points, maxPoints: check.points, message: outcome.message,
                           details: outcome.details, line: outcome.line, column: outcome.column)
    }

    /// The line of a statement of the submission named in `matched`, if any.
    func submissionLine(_ matched: [MatchedStatement]) -> (line: Int, column: Int)? {
        matched.first { $0.policyId == submissionPolicyName }.map { ($0.range.start.line, $0.range.start.column) }
    }
}

/// What a check found, before points are attached.
struct CheckOutcome {
    var passed: Bool
    var message: String
    var details: [String] = []
    var line: Int?
    var column: Int?
    /// For a quiz: how many of its answers are right, out of how many.
    var share: (right: Int, of: Int)?
}
