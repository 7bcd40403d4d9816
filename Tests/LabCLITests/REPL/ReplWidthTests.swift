import Foundation
import Testing
@testable import LabCLI

/// Every command's text fits the terminal: at 60, 80 and 100 columns (a fake width, through
/// `COLUMNS`) no line is wider, and the words are those of the unwrapped text, in order,
/// whole — only a word wider than the line (an ARN) is cut, after a `:` or `/`.
@Suite("REPL: text that fits the terminal")
struct ReplWidthTests {
    static let star = ReplHarness.courseFile("labs/producer-only/mutants/put-star.json")

    /// A session touching every command that writes prose.
    static let script = """
        help
        start producer-only
        hint
        hint
        explain PutRecord stream/orders
        explain kinesis:GetRecords orders as role/order-auditor
        run
        check
        paste
        \(star).
        check
        solution --give-up
        diff
        next
        """ + "\n"

    /// The state directory's path, the same in every run (as long as a harness's).
    static let home = "/" + String(repeating: "h", count: (try? ReplHarness().home.count - 1) ?? 60)

    /// The words of `text` (escape-free), split at white space, leaving out excerpts of the
    /// draft (`  6 | …`): a long line of code is cut to a window around its caret instead.
    static func words(_ text: String) -> [String] {
        text.components(separatedBy: "\n")
            .filter { $0.range(of: #"^ *[0-9]* \|( |$)"#, options: .regularExpression) == nil }
            .joined(separator: "\n")
            .split(whereSeparator: \.isWhitespace).map(String.init)
    }

    @Test("no line is wider than the terminal, and no word is broken", arguments: [60, 80, 100])
    func fits(columns: Int) throws {
        let first = try ReplHarness()
        let wide = first.run(Self.script).io.output.replacingOccurrences(of: first.home, with: Self.home)
        let harness = try ReplHarness()
        let narrow = harness.run(Self.script, columns: columns).io.output.replacingOccurrences(of: harness.home, with: Self.home)
        // The solution is JSON, written as it is so it can be copied; lessons and prompts
        // are Markdown, rendered to the width by their own renderer.
        let solution = ReplHarness.courseFile("labs/producer-only/solution.json")
        for line in narrow.replacingOccurrences(of: solution, with: "").components(separatedBy: "\n") {
            #expect(DisplayWidth.of(text: line) <= columns, "wider than \(columns): \(line)")
        }
        // The same words in the same order; a long word may come in pieces cut after `:` or `/`.
        var expected = Self.words(wide)[...]
        var actual = Self.words(narrow)[...]
        while let want = expected.first, let got = actual.first {
            if want == got {
                expected = expected.dropFirst()
                actual = actual.dropFirst()
                continue
            }
            try #require(want.hasPrefix(got) && (got.hasSuffix(":") || got.hasSuffix("/")) && want.count > columns / 2,
                         "`\(want)` came out as `\(got)`")
            expected[expected.startIndex] = String(want.dropFirst(got.count))
            actual = actual.dropFirst()
        }
        #expect(expected.isEmpty && actual.isEmpty)
    }

    @Test("labs and progress shrink to the width, then stack below 70 columns", arguments: [60, 80, 100])
    func tables(columns: Int) throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start 2\nhint\nlabs\nprogress\n", columns: columns)
        for line in io.output.components(separatedBy: "\n") {
            #expect(DisplayWidth.of(text: line) <= columns, "wider than \(columns): \(line)")
        }
        let lines = io.output.components(separatedBy: "\n")
        switch columns {
        case 100:
            #expect(lines.contains { $0.hasPrefix("     LAB ") && $0.contains("DIFFICULTY  LESSON  STATUS") })
            #expect(lines.contains { $0.hasPrefix("LAB ") && $0.contains("TITLE") && $0.hasSuffix("STATUS       BEST  ATTEMPTS  HINTS") })
        case 80:
            // The labs stack (their titles would not fit beside the other columns);
            // progress leaves its titles out instead.
            #expect(lines.contains("*2.  producer-only  Write a producer-only policy"))
            #expect(lines.contains("     difficulty 1/5 · lesson 1 · in progress"))
            #expect(lines.contains { $0.hasPrefix("LAB ") && !$0.contains("TITLE") && $0.hasSuffix("HINTS") })
        default:
            #expect(lines.contains("*2.  producer-only  Write a producer-only policy"))
            #expect(lines.contains("producer-only  Write a producer-only policy"))
            #expect(lines.contains("    in progress · attempts 0 · hints 1"))
        }
    }

    @Test("`show` wraps a long line of the draft under its own indent, behind an empty gutter")
    func show() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\npaste\n\(Self.star).\nshow\n", columns: 60)
        let lines = io.output.components(separatedBy: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(text: $0) <= 60 })
        let resource = try #require(lines.firstIndex { $0.contains("\"Resource\":") })
        #expect(lines[resource + 1].hasPrefix("     |       "))
    }
}
