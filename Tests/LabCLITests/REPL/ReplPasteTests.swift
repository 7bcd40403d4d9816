import Foundation
import Testing
@testable import LabCLI

/// `paste` checks what was pasted before it becomes the draft; JSON at the prompt is
/// pointed at `paste` once.
@Suite("REPL: drafts and paste")
struct ReplPasteTests {
    static let solution = ReplHarness.courseFile("labs/producer-only/solution.json")
    static let starter = ReplHarness.courseFile("labs/producer-only/starter.json")

    @Test("text that is not JSON is refused with its line and column; the draft is kept")
    func notJSON() throws {
        let harness = try ReplHarness()
        let broken = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}\n"
        let (io, _) = harness.run("start producer-only\npaste\n\(broken).\n")
        #expect(io.output.contains("✘ line 4, column 1: unexpected `}`; expected a JSON value; this is not JSON, so it was not saved: your draft is unchanged"))
        #expect(io.output.hasSuffix(" 4 | }\n   | ^\n"))
        #expect(harness.draft("producer-only") == Self.starter)
    }

    @Test("typographic quotes and non-breaking spaces are named; a script's paste is refused")
    func typographicPiped() throws {
        let harness = try ReplHarness()
        let curly = Self.solution.replacingOccurrences(of: "\"Sid\": \"ProduceToOrders\"", with: "“Sid”:\u{00A0}“ProduceToOrders”")
        let (io, _) = harness.run("start producer-only\npaste\n\(curly).\n")
        #expect(io.output.contains("✘ line 5, column 7: these are typographic quotes (“ ”): use straight double quotes (\") (4 of them)"))
        #expect(io.output.contains("✘ line 5, column 13: these are non-breaking spaces: use plain spaces"))
        #expect(io.output.contains("✘ not saved: your draft is unchanged. Paste it again with straight quotes and plain spaces."))
        #expect(harness.draft("producer-only") == Self.starter)
    }

    @Test("on a terminal they are offered fixed: yes saves the straightened draft, no keeps the old one",
          arguments: [("y", true), ("n", false)])
    func typographicOnATerminal(_ answer: String, _ fixed: Bool) throws {
        let harness = try ReplHarness()
        let curly = Self.solution.replacingOccurrences(of: "\"Effect\": \"Allow\"", with: "“Effect”: “Allow”")
        let (io, _) = harness.run("start producer-only\npaste\n\(curly).\n\(answer)\n", inputIsTerminal: true)
        #expect(io.output.contains("Replace them with straight quotes and plain spaces, then save?\n[y/N] \(answer)\n"))
        #expect(harness.draft("producer-only") == (fixed ? Self.solution : Self.starter))
        #expect(io.output.contains("Saved 15 lines as your draft.") == fixed)
        #expect(io.output.contains("Not saved; your draft is unchanged.") == !fixed)
    }

    @Test("tabs are kept")
    func tabs() throws {
        let harness = try ReplHarness()
        let tabbed = "{\n\t\"Version\": \"2012-10-17\",\n\t\"Statement\": []\n}\n"
        _ = harness.run("start producer-only\npaste\n\(tabbed).\n")
        #expect(harness.draft("producer-only") == tabbed)
    }

    @Test("the end of input (Ctrl-D) ends a paste as `.` does")
    func endOfInputEndsThePaste() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\npaste\n\(Self.solution)")
        #expect(io.output.contains("Saved 15 lines as your draft. `check` grades it."))
        #expect(harness.draft("producer-only") == Self.solution)
    }

    @Test("JSON typed at the prompt gets `paste` suggested once per block, not an error per line")
    func strayJSON() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\n\(Self.solution)labs\n\(Self.solution)")
        let suggestion = "✘ that looks like JSON, not a command: did you mean `paste`?"
        #expect(io.output.components(separatedBy: suggestion).count == 3, "once for each of the two blocks")
        #expect(!io.output.contains("unknown command"))
        #expect(harness.draft("producer-only") == Self.starter)
    }

    @Test("messages call the learner's text “your draft”")
    func oneName() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\npaste\n \n.\npaste\n   \n")
        #expect(io.output.contains("✘ nothing was pasted; your draft is unchanged"))
        let empty = try ReplHarness()
        try FileManager.default.createDirectory(atPath: empty.home + "/workspace", withIntermediateDirectories: true)
        try "  \n".write(toFile: empty.home + "/workspace/producer-only.json", atomically: true, encoding: .utf8)
        let (graded, _) = empty.run("start producer-only\ncheck\nexplain PutRecord orders\n")
        #expect(graded.output.contains("✘ Your draft cannot be graded: it is empty"))
        #expect(graded.output.contains("✘ your draft cannot be read: it is empty"))
        for text in [io.output, graded.output] {
            #expect(!text.contains("submission") && !text.contains("the draft"))
        }
    }
}
