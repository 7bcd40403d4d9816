import Foundation
import Testing
import LabKit

/// Every lab of the course grades soundly: the reference solution passes, the starter fails,
/// other correct answers (`variants/`) pass, and every known-bad answer (`mutants/`) fails
/// the checks its `.expect` names, with a message that names the problem.
@Suite struct CourseSoundnessTests {
    /// Lesson ids in `content/`, for checking labs' references.
    static var lessonIds: Set<String> {
        let content = CourseLabs.root.deletingLastPathComponent().appendingPathComponent("content")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []
        return Set(names.compactMap { name in
            guard name.hasSuffix(".md") else { return nil }
            return Lesson.orderAndID(fileName: name)?.id
        })
    }

    @Test(arguments: CourseLabs.ids)
    func labIsSound(id: String) throws {
        let (loaded, problems) = LabLoader(knownLessons: Self.lessonIds).load(CourseLabs.files(id))
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems.map(\.description))")
        let lab = try #require(loaded)
        let grader = Grader(definition: lab.definition)

        let solution = grader.grade(lab.solution, name: "solution.json")
        #expect(solution.passed, "solution fails: \(solution.failedChecks.map { "\($0.id): \($0.message)" }) \(solution.error?.description ?? "")")
        let starter = grader.grade(lab.starter, name: "starter.json")
        #expect(!starter.passed, "the starter passes every check")

        for variant in lab.variants {
            let r = grader.grade(variant.text, name: variant.name)
            #expect(r.passed, "variant \(variant.name) fails: \(r.failedChecks.map { "\($0.id): \($0.message)" }) \(r.error?.description ?? "")")
        }
        for mutant in lab.mutants {
            let r = grader.grade(mutant.text, name: mutant.name)
            #expect(!r.passed, "mutant \(mutant.name) passes")
            for e in mutant.expectations {
                guard let check = r.checks.first(where: { $0.id == e.checkId }) else {
                    Issue.record("mutant \(mutant.name): no check \(e.checkId)")
                    continue
                }
                #expect(!check.passed, "mutant \(mutant.name) should fail \(e.checkId)")
                if let words = e.mentions {
                    let said = ([check.message] + check.details).joined(separator: " ")
                    #expect(said.localizedCaseInsensitiveContains(words),
                            "mutant \(mutant.name): \(e.checkId)'s message should mention `\(words)`: \(check.message)")
                }
            }
        }
    }

    /// The issue's bar for every lab: at least three hints, one other correct answer and
    /// five plausible wrong ones (for quizzes: answer files written another way, and wrong answers).
    @Test(arguments: CourseLabs.ids)
    func labHasEnoughHintsAndExamples(id: String) throws {
        let lab = try CourseLabs.lab(id)
        let d = lab.definition
        let ladder = max(d.hints.count, d.checks.map(\.hints.count).max() ?? 0)
        #expect(ladder >= 3, "\(id) has a hint ladder of \(ladder)")
        #expect(lab.variants.count >= 1, "\(id) has no other correct answer in variants/")
        #expect(lab.mutants.count >= 5, "\(id) has \(lab.mutants.count) wrong answers in mutants/; five are needed")
    }
}
