import Foundation
import Testing
import LabKit

/// Every lab of the course grades soundly: the reference solution passes, the starter fails,
/// other correct answers (`variants/`) pass, every known-bad answer (`mutants/`) fails
/// the checks its `.expect` names, with a message that names the problem, and mutation
/// testing finds no insecure answer the checks would accept.
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

    /// Each lesson's section titles, for checking the sections quiz questions point at.
    static var lessonSections: [String: [String]] {
        let content = CourseLabs.root.deletingLastPathComponent().appendingPathComponent("content")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []
        let files = names.compactMap { name -> (fileName: String, text: String)? in
            (try? String(contentsOf: content.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
        }
        return LessonCatalog(files: files).sectionTitles
    }

    /// CI's `kdslab lab validate` over the whole course, through the one implementation
    /// (``LabValidator``): no loader error, the solution passes, the starter fails, variants
    /// pass, shipped mutants fail what their `.expect` names (with its words), and no built-in
    /// mutant of the solution that grants everything or flips a Deny survives.
    @Test(arguments: CourseLabs.ids)
    func labIsSound(id: String) {
        let validation = LabValidator(knownLessons: Self.lessonIds, lessonSections: Self.lessonSections).validate(CourseLabs.files(id))
        let errors = validation.problems.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "labs/\(id)/\($0)" }.joined(separator: "\n"))")
        #expect(validation.summary.loaded)
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
