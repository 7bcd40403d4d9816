extension ProgressState {
    /// Records a graded attempt: counts it, keeps the best score, and marks the lab passed
    /// (for good: a later failing attempt does not undo it) when `passed`.
    @discardableResult
    public mutating func recordAttempt(lab: String, score: Int, maxScore: Int, passed: Bool,
                                       at time: UTCTimestamp) -> ProgressChange {
        change(lab) { p in
            p.attempts += 1
            p.lastAttemptAt = time
            p.bestScore = max(p.bestScore ?? score, score)
            p.maxScore = maxScore
            if passed {
                p.status = .passed
                if p.passedAt == nil { p.passedAt = time }
            } else if p.status == .notStarted {
                p.status = .inProgress
            }
        }
    }

    /// Records that a hint was shown.
    @discardableResult
    public mutating func recordHint(lab: String) -> ProgressChange {
        change(lab) { p in
            p.hintsUsed += 1
            if p.status == .notStarted { p.status = .inProgress }
        }
    }

    /// Records that the learner gave up and saw the solution. A passed lab stays passed,
    /// with ``LabProgress/solutionViewed`` set.
    @discardableResult
    public mutating func recordGiveUp(lab: String) -> ProgressChange {
        change(lab) { p in
            p.solutionViewed = true
            if p.status != .passed { p.status = .gaveUp }
        }
    }

    /// Forgets everything about `lab`: it is not started again.
    @discardableResult
    public mutating func reset(lab: String) -> ProgressChange {
        let before = self[lab]
        labs[lab] = nil
        return ProgressChange(lab: lab, before: before, after: .notStarted)
    }

    /// Applies one logged event.
    @discardableResult
    public mutating func apply(_ event: ProgressEvent) -> ProgressChange {
        switch event {
        case .attempt(let a):
            let change = recordAttempt(lab: a.lab, score: a.score, maxScore: a.maxScore, passed: a.passed, at: a.at)
            // The attempt knows how many hints had been seen; trust it if hint lines were lost.
            if a.hintsUsed > self[a.lab].hintsUsed {
                labs[a.lab]?.hintsUsed = a.hintsUsed
                return ProgressChange(lab: a.lab, before: change.before, after: self[a.lab])
            }
            return change
        case .hint(let lab, _): return recordHint(lab: lab)
        case .gaveUp(let lab, _): return recordGiveUp(lab: lab)
        case .reset(let lab, _): return reset(lab: lab)
        }
    }

    private mutating func change(_ lab: String, _ body: (inout LabProgress) -> Void) -> ProgressChange {
        let before = self[lab]
        var after = before
        body(&after)
        labs[lab] = after
        return ProgressChange(lab: lab, before: before, after: after)
    }
}
