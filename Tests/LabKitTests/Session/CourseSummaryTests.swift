import IAMPolicy
import LabKit
import Testing

@Suite("The course's summary")
struct CourseSummaryTests {
    static func lab(_ id: String, points: Int) -> LabDefinition {
        LabDefinition(id: id, title: "Lab \(id)", world: WorldSpec(account: "111122223333"),
                      submission: .answers,
                      checks: [CheckSpec(id: "c", title: "c", points: points, kind: .findings(FindingsSpec()))])
    }

    @Test("totals add up the labs, in course order; the time runs from the first step to the last pass")
    func totals() {
        var state = ProgressState()
        state.recordHint(lab: "b")
        state.recordAttempt(lab: "b", score: 1, maxScore: 3, passed: false, at: UTCTimestamp(secondsSinceEpoch: 100))
        state.recordAttempt(lab: "b", score: 3, maxScore: 3, passed: true, at: UTCTimestamp(secondsSinceEpoch: 7_300))
        state.recordAttempt(lab: "a", score: 2, maxScore: 2, passed: true, at: UTCTimestamp(secondsSinceEpoch: 3_700))
        state.recordGiveUp(lab: "a")
        let summary = CourseSummary(labs: [Self.lab("a", points: 2), Self.lab("b", points: 3)], state: state,
                                    startedAt: UTCTimestamp(secondsSinceEpoch: 100))
        #expect(summary.rows.map(\.lab) == ["a", "b"])
        #expect(summary.score == 5 && summary.maxScore == 5)
        #expect(summary.attempts == 3 && summary.hintsUsed == 1 && summary.solutionsSeen == 1)
        #expect(summary.finishedAt == UTCTimestamp(secondsSinceEpoch: 7_300))
        #expect(summary.seconds == 7_200)
    }

    @Test("durations in words", arguments: [
        (30, "under a minute"), (60, "1 min"), (42 * 60, "42 min"), (3_600, "1 h"), (3 * 3_600 + 12 * 60, "3 h 12 min"),
        (86_400, "1 day"), (2 * 86_400 + 5 * 3_600 + 59, "2 days 5 h"),
    ] as [(Int64, String)])
    func durations(_ seconds: Int64, _ words: String) {
        #expect(CourseSummary.describe(seconds: seconds) == words)
    }
}
