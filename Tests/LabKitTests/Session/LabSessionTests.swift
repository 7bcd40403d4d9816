import LabKit
import Testing

@Suite("Lab session")
struct LabSessionTests {
    static func check(_ id: String, hints: [String]) -> CheckSpec {
        CheckSpec(id: id, title: id, hints: hints, kind: .findings(FindingsSpec()))
    }

    static let definition = LabDefinition(
        id: "lab", title: "Lab", world: WorldSpec(),
        submission: .identityPolicy(principal: PrincipalRef(kind: .role, name: "r"), name: "p"),
        checks: [check("a", hints: ["a1"]), check("b", hints: ["b1", "b2"])], hints: ["lab1"])

    static func report(failing: Set<String>) -> GradeReport {
        GradeReport(submission: "s", lab: "lab", checks: definition.checks.map {
            CheckResult(id: $0.id, kind: "findings", title: $0.title, passed: !failing.contains($0.id), points: 0, maxPoints: 1, message: "m")
        }, maxScore: 2)
    }

    @Test("hints climb the first failing check's ladder, then repeat the top")
    func ladder() {
        var session = LabSession()
        let texts = (0..<4).map { _ -> (String, Bool) in
            guard case .hint(_, let text, _, _, let isNew) = session.nextHint(in: Self.definition, report: Self.report(failing: ["b"]))
            else { return ("", false) }
            return (text, isNew)
        }
        #expect(texts.map(\.0) == ["b1", "b2", "lab1", "lab1"])
        #expect(texts.map(\.1) == [true, true, true, false])
        // Another check has its own ladder, from its first rung.
        guard case .hint(_, let text, 1, 2, true) = session.nextHint(in: Self.definition, report: Self.report(failing: ["a", "b"]))
        else { Issue.record("expected the first rung of check a"); return }
        #expect(text == "a1")
        #expect(session.nextHint(in: Self.definition, report: Self.report(failing: [])) == .allChecksPass)
    }

    @Test("a check's own hints come after the lab's gentle rungs and before its last, which names the answer",
          arguments: [
              (["gentle", "specific", "answer"], ["own1", "own2"], ["gentle", "specific", "own1", "own2", "answer"]),
              (["answer"], ["own"], ["own", "answer"]),
              ([], ["own1", "own2"], ["own1", "own2"]),
              (["gentle", "answer"], [], ["gentle", "answer"]),
          ] as [([String], [String], [String])])
    func ladderOrder(lab: [String], own: [String], ladder: [String]) {
        let definition = LabDefinition(id: "lab", title: "Lab", world: WorldSpec(), submission: Self.definition.submission,
                                       checks: [Self.check("a", hints: own)], hints: lab)
        #expect(LabSession.hintLadder(for: "a", in: definition) == ladder)
        var session = LabSession()
        let report = GradeReport(submission: "s", lab: "lab", checks: [
            CheckResult(id: "a", kind: "findings", title: "a", passed: false, points: 0, maxPoints: 1, message: "m"),
        ], maxScore: 1)
        let shown = ladder.indices.map { _ -> String in
            guard case .hint(_, let text, _, _, _) = session.nextHint(in: definition, report: report) else { return "" }
            return text
        }
        #expect(shown == ladder)
    }

    @Test("the solution needs a pass or a give-up; reset forgets both")
    func solutionGate() {
        var session = LabSession(passed: ["other"])
        #expect(session.solutionAccess(for: "other", givingUp: false) == .show)
        #expect(session.solutionAccess(for: "lab", givingUp: false) == .refused)
        #expect(session.solutionAccess(for: "lab", givingUp: true) == .showAndRecordGiveUp)
        #expect(!session.mayCompare("lab"))
        session.giveUp("lab")
        #expect(session.solutionAccess(for: "lab", givingUp: false) == .show)
        #expect(session.mayCompare("lab"))
        session.reset("lab")
        #expect(session.solutionAccess(for: "lab", givingUp: false) == .refused)
        let first = session.noteGrade(Self.report(failing: []))
        let again = session.noteGrade(Self.report(failing: []))
        #expect(first && !again)
        #expect(session.passedLabs.contains("lab"))
    }
}
