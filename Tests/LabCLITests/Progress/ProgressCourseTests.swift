import Foundation
import LabKit
import Testing
@testable import LabCLI

/// `kdslab progress` and `kdslab reset` know the course when they find it.
@Suite("progress and reset with the course")
struct ProgressCourseTests {
    /// The course served from memory, found through the environment as a learner's shell
    /// would find it through the folders around.
    static func io(_ harness: ReplHarness, columns: Int? = nil) -> TestIO {
        var variables = ["KDSLAB_HOME": harness.home, "KDSLAB_LABS": "/course/labs", "KDSLAB_CONTENT": "/course/content"]
        if let columns { variables["COLUMNS"] = String(columns) }
        return TestIO(files: ReplHarness.courseFiles, environment: variables)
    }

    @Test("`kdslab progress` shows the REPL's table, every lab in course order", arguments: [nil, 100, 80, 60] as [Int?])
    func sameTable(columns: Int?) throws {
        let harness = try ReplHarness()
        let solution = ReplHarness.courseFile("labs/arn-wildcards/solution.json")
        let (repl, _) = harness.run("start arn-wildcards\npaste\n\(solution).\nsubmit\nprogress\n", columns: columns)
        let cli = Self.io(harness, columns: columns)
        #expect(cli.run(["progress"]) == 0)
        #expect(cli.output.hasPrefix("Progress in \(harness.home)") || cli.output.hasPrefix("Progress in\n"))
        let table = cli.output
        #expect(repl.output.hasSuffix(table), "the REPL's `progress` ends with the same lines")
        let order = ReplWayTests.labIDs.compactMap { id in table.range(of: id)?.lowerBound }
        #expect(order.count == 20 && order == order.sorted(), "every lab, in course order")
    }

    @Test("reset of a lab nobody knows is an error naming the nearest lab (exit 2)")
    func unknownLab() throws {
        let harness = try ReplHarness()
        let io = Self.io(harness)
        #expect(io.run(["reset", "producer-onyl", "--yes"]) == 2)
        #expect(io.error.hasPrefix("kdslab: no lab 'producer-onyl'; did you mean 'producer-only'? (labs: why-least-privilege, "))
        #expect(io.output.isEmpty)
    }

    @Test("reset puts the starter back as the draft")
    func starterBack() throws {
        let harness = try ReplHarness()
        _ = harness.run("start producer-only\npaste\n{}\n.\nsubmit\n")
        let io = Self.io(harness)
        #expect(io.run(["reset", "producer-only", "--yes"]) == 0)
        #expect(io.output.contains("Your draft is the lab's starter again: \(harness.home)/workspace/producer-only.json"))
        #expect(harness.draft("producer-only") == ReplHarness.courseFile("labs/producer-only/starter.json"))
    }
}
