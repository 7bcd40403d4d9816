import Testing
@testable import LabKit

@Suite struct ProgressStateTests {
    let t0 = UTCTimestamp(secondsSinceEpoch: 1_795_947_300)  // 2026-11-29T10:15:00Z
    var t1: UTCTimestamp { UTCTimestamp(secondsSinceEpoch: t0.secondsSinceEpoch + 60) }

    @Test func failingAttemptStartsTheLab() {
        var state = ProgressState()
        let change = state.recordAttempt(lab: "kds-101", score: 2, maxScore: 5, passed: false, at: t0)
        #expect(change.before == .notStarted)
        #expect(change.after == LabProgress(status: .inProgress, bestScore: 2, maxScore: 5, attempts: 1, lastAttemptAt: t0))
        #expect(change.isNewBest && !change.isFirstPass && change.statusChanged)
        #expect(state["kds-101"] == change.after)
    }

    @Test func bestScoreIsKeptAndPassingIsForGood() {
        var state = ProgressState()
        state.recordAttempt(lab: "a", score: 4, maxScore: 5, passed: false, at: t0)
        let pass = state.recordAttempt(lab: "a", score: 5, maxScore: 5, passed: true, at: t1)
        #expect(pass.isFirstPass && pass.isNewBest)
        let worse = state.recordAttempt(lab: "a", score: 1, maxScore: 5, passed: false, at: t1)
        #expect(!worse.isNewBest && !worse.isFirstPass && !worse.statusChanged)
        #expect(state["a"] == LabProgress(status: .passed, bestScore: 5, maxScore: 5, attempts: 3,
                                          lastAttemptAt: t1, passedAt: t1))
    }

    @Test func hintsCountAndStartTheLab() {
        var state = ProgressState()
        state.recordHint(lab: "a")
        let second = state.recordHint(lab: "a")
        #expect(second.before.hintsUsed == 1 && second.after.hintsUsed == 2)
        #expect(state["a"].status == .inProgress)
    }

    @Test func passingAfterGivingUpRemembersTheSolutionWasSeen() {
        var state = ProgressState()
        #expect(state.recordGiveUp(lab: "a").after.status == .gaveUp)
        state.recordAttempt(lab: "a", score: 1, maxScore: 5, passed: false, at: t0)
        #expect(state["a"].status == .gaveUp)
        state.recordAttempt(lab: "a", score: 5, maxScore: 5, passed: true, at: t1)
        #expect(state["a"].status == .passed && state["a"].solutionViewed)
        let again = state.recordGiveUp(lab: "a")
        #expect(again.after.status == .passed && !again.statusChanged)
    }

    @Test func resetForgetsOnlyThatLab() {
        var state = ProgressState()
        state.recordAttempt(lab: "a", score: 1, maxScore: 5, passed: false, at: t0)
        state.recordHint(lab: "b")
        let change = state.reset(lab: "a")
        #expect(change.before.attempts == 1 && change.after == .notStarted)
        #expect(state.labs.keys.sorted() == ["b"])
    }

    @Test func replayingEventsRebuildsTheState() {
        let attempt = Attempt(lab: "a", at: t1, score: 3, maxScore: 5, passed: false,
                              submissionSHA256: String(repeating: "a", count: 64), hintsUsed: 2)
        let state = ProgressState.replaying([
            .hint(lab: "a", at: t0), .attempt(attempt), .gaveUp(lab: "b", at: t0), .reset(lab: "b", at: t1),
        ])
        // Only one hint line, but the attempt says two had been seen.
        #expect(state["a"] == LabProgress(status: .inProgress, bestScore: 3, maxScore: 5, attempts: 1,
                                          lastAttemptAt: t1, hintsUsed: 2))
        #expect(state.labs["b"] == nil)
    }
}
