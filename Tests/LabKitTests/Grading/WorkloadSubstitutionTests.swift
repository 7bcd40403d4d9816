import Testing
@testable import LabKit

/// `${n}` in a workload step's strings is the step's repetition number.
@Suite struct WorkloadSubstitutionTests {
    @Test(arguments: [
        ("order-${n}", "order-7"),
        ("${n}${n}", "77"),
        ("no marker", "no marker"),
        ("$", "$"),
        ("${m} and ${n", "${m} and ${n"),
        ("price $5 for ${n}", "price $5 for 7"),
        ("émoji ${n} ✓", "émoji 7 ✓"),
    ])
    func replacesOnlyTheStepNumber(text: String, expected: String) {
        #expect(GradingContext.replacingStepNumber(in: text, with: 7) == expected)
    }
}
