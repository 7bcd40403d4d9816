/// What the REPL remembers while the learner works: the current lab, how far up each hint
/// ladder they have climbed, which labs they have passed or given up on, the lab passed
/// last and the lessons read.
///
/// A value: its mutating functions return what the REPL should show or record. It does no
/// I/O; the REPL seeds it from the progress store and saves what it returns.
public struct LabSession: Sendable, Equatable {
    /// The lab `start` chose, if any.
    public private(set) var currentLab: String?
    /// Labs the learner has passed (seeded from progress, grown by passing grades).
    public private(set) var passedLabs: Set<String>
    /// Labs whose solution the learner has been shown after giving up.
    public private(set) var gaveUpLabs: Set<String>
    /// The lab whose passing attempt was recorded most recently (`next` goes on from it).
    public private(set) var lastPassed: String?
    /// The lessons the learner has read.
    public private(set) var readLessons: Set<String>
    /// The next rung of each hint ladder, by lab and check id.
    private var rungs: [String: Int] = [:]

    /// Creates a session; `passed`, `gaveUp`, `lastPassed` and `read` come from the
    /// learner's saved progress.
    public init(passed: Set<String> = [], gaveUp: Set<String> = [], lastPassed: String? = nil,
                read: Set<String> = []) {
        passedLabs = passed
        gaveUpLabs = gaveUp
        self.lastPassed = lastPassed
        readLessons = read
    }

    /// Makes `lab` the current lab.
    public mutating func start(_ lab: String) {
        currentLab = lab
    }

    /// Notes a grade; returns whether it made the lab pass for the first time this session.
    @discardableResult
    public mutating func noteGrade(_ report: GradeReport) -> Bool {
        guard report.passed else { return false }
        return passedLabs.insert(report.lab).inserted
    }

    /// Notes that a passing attempt at `lab` was recorded: `next` goes on from it.
    public mutating func notePassRecorded(_ lab: String) {
        passedLabs.insert(lab)
        lastPassed = lab
    }

    /// Notes that the lesson `id` was read; returns whether it was the first time.
    @discardableResult
    public mutating func noteRead(_ id: String) -> Bool {
        readLessons.insert(id).inserted
    }

    /// The next hint for the first failing check of `report`, climbing that check's ladder.
    ///
    /// See ``hintLadder(for:in:)`` for the order; past the top rung the last hint is shown
    /// again (``HintOutcome/isNew`` is then `false`).
    public mutating func nextHint(in definition: LabDefinition, report: GradeReport) -> HintOutcome {
        guard let failing = report.checks.first(where: { !$0.passed }) else { return .allChecksPass }
        let ladder = Self.hintLadder(for: failing.id, in: definition)
        guard !ladder.isEmpty else { return .noHints(check: failing) }
        let key = "\(definition.id)\u{0}\(failing.id)"
        let rung = rungs[key, default: 0]
        rungs[key] = min(rung + 1, ladder.count)
        let shown = min(rung, ladder.count - 1)
        return .hint(check: failing, text: ladder[shown], rung: shown + 1, of: ladder.count, isNew: rung < ladder.count)
    }

    /// The hints for check `checkID`, gentle to specific: the lab's ladder goes from gentle
    /// to specific and its last rung names the answer, so the check's own hints come after
    /// the lab's gentler rungs and before that last one.
    public static func hintLadder(for checkID: String, in definition: LabDefinition) -> [String] {
        let own = definition.checks.first { $0.id == checkID }?.hints ?? []
        guard let answer = definition.hints.last else { return own }
        return definition.hints.dropLast() + own + [answer]
    }

    /// Whether the solution may be shown for `lab`, and whether showing it is a give-up
    /// to record.
    public func solutionAccess(for lab: String, givingUp: Bool) -> SolutionAccess {
        if passedLabs.contains(lab) || gaveUpLabs.contains(lab) { return .show }
        return givingUp ? .showAndRecordGiveUp : .refused
    }

    /// Notes that the learner gave up on `lab` and saw the solution.
    public mutating func giveUp(_ lab: String) {
        gaveUpLabs.insert(lab)
    }

    /// Whether `diff` may compare the draft with the reference: after passing or giving up.
    public func mayCompare(_ lab: String) -> Bool {
        passedLabs.contains(lab) || gaveUpLabs.contains(lab)
    }

    /// Forgets everything about `lab` (after `reset`).
    public mutating func reset(_ lab: String) {
        passedLabs.remove(lab)
        gaveUpLabs.remove(lab)
        if lastPassed == lab { lastPassed = nil }
        rungs = rungs.filter { !$0.key.hasPrefix("\(lab)\u{0}") }
    }
}
