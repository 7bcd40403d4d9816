import Testing
import LabKit

/// CI's run of `kdslab lab validate` over the whole course: every lab in `labs/` validates
/// with no errors (loader, solution, starter, variants, shipped and built-in mutants).
@Suite struct CourseValidationTests {
    @Test(arguments: CourseLabs.ids)
    func labValidatesWithoutErrors(id: String) {
        let validation = LabValidator(knownLessons: CourseSoundnessTests.lessonIds).validate(CourseLabs.files(id))
        let errors = validation.problems.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(id):\n\(errors.map { "  labs/\(id)/\($0)" }.joined(separator: "\n"))")
        #expect(validation.summary.loaded)
        #expect(validation.summary.mutationsKilled + validation.summary.mutationsSurvived > 0 || validation.summary.checks == 0
                || CourseLabs.files(id).definition?.contains("\"answers\"") == true,
                "\(id): no built-in mutant was made of its solution")
    }
}
