import Foundation
import Testing
@testable import LabCLI

/// Whole learner sessions, scripted through standard input as a pipe would give them.
@Suite("REPL sessions")
struct ReplSessionTests {
    static let solution = ReplHarness.courseFile("labs/producer-only/solution.json")

    @Test("start, paste the solution, check, submit: progress shows the lab passed")
    func passProducerOnly() throws {
        let harness = try ReplHarness()
        let (io, status) = harness.run("start producer-only\npaste\n\(Self.solution).\ncheck\nsubmit\nprogress\n")
        #expect(status == 0)
        #expect(io.output.contains("Your draft, copied from the starter: \(harness.home)/workspace/producer-only.json"))
        #expect(io.output.contains("producer-only: 11/11 — passed (checked, not recorded"))
        #expect(io.output.contains("Passed! Recorded."))
        #expect(io.output.contains("Course progress: 1/20 ▓░░░░░░░░░"))
        // The lab after producer-only in course order, with its lesson (not yet read).
        #expect(io.output.contains("Next: `read 2` (Anatomy of a policy), then `start read-a-policy` (lab 3: "))
        let progressLine = try #require(io.output.split(separator: "\n").first { $0.hasPrefix("producer-only ") })
        #expect(progressLine.contains("passed") && progressLine.contains("11/11"))
        #expect(harness.draft("producer-only") == Self.solution)
        #expect(io.error.isEmpty)
    }

    @Test("a wrong draft fails with the check's message and the line it points at")
    func wrongDraftFails() throws {
        let harness = try ReplHarness()
        let star = ReplHarness.courseFile("labs/producer-only/mutants/put-star.json")
        let (io, _) = harness.run("start producer-only\npaste\n\(star).\nsubmit\n")
        #expect(io.output.contains("not passed yet"))
        #expect(io.output.contains("✘ checkout gets exactly a producer's access to orders (0/4)"))
        #expect(io.output.contains("kinesis:PutResourcePolicy"))
        // The excerpt: a numbered line of the draft with a caret under it.
        #expect(io.output.contains(" | ") && io.output.contains("^"))
        #expect(io.output.contains("Recorded attempt 1"))
    }

    @Test("hint climbs the first failing check's ladder, then repeats its top rung")
    func hintClimbs() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\nhint\nhint\nhint\nhint\nhint\nprogress\n")
        #expect(io.output.contains("Hint 1/4 for “checkout can put one record into orders”:"))
        #expect(io.output.contains("Hint 2/4"))
        #expect(io.output.contains("Hint 4/4"))
        // Gentle to specific: the lab's gentle rungs, the check's own hint, then the rung that names the answer.
        let rungs = ["Hint 1/4", "A producer only writes.", "Hint 2/4", "Writing needs kinesis:PutRecord and kinesis:PutRecords",
                     "Hint 3/4", "PutRecord writes a single record.", "Hint 4/4", "Allow kinesis:PutRecord, kinesis:PutRecords and one discovery action"]
        let places = rungs.map { io.output.range(of: $0)?.lowerBound }
        #expect(places.allSatisfy { $0 != nil } && places == places.sorted { ($0 ?? io.output.endIndex) < ($1 ?? io.output.endIndex) },
                "\(io.output)")
        #expect(io.output.contains("That is the last hint."))
        #expect(io.output.contains("No more hints."))
        let row = try #require(io.output.split(separator: "\n").first { $0.hasPrefix("producer-only ") })
        #expect(row.hasSuffix(" 4"), "four new hints recorded, the repeat not counted: \(row)")
    }

    @Test("the solution is refused before passing and shown after --give-up, which is recorded")
    func solutionGate() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\nsolution\nsolution --give-up\nsolution\nprogress\n")
        #expect(io.output.contains("the solution opens after you pass"))
        #expect(io.output.contains("Recorded: you gave up on producer-only."))
        #expect(io.output.components(separatedBy: "The reference solution for producer-only:").count == 3)
        #expect(io.output.contains("\"Sid\": \"ProduceToOrders\""))
        #expect(io.output.contains("gave up"))
    }

    @Test("explain decides one request against the draft, with short resource forms and `as`")
    func explain() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("""
            start producer-only
            explain DescribeStream stream/orders
            explain kinesis:GetRecords orders as role/order-auditor
            explain kinesis:Nope stream/orders
            explain PutRecord stream/orders as role/nobody
            """ + "\n")
        #expect(io.output.contains("✔ allowed  kinesis:DescribeStream on arn:aws:kinesis:us-east-1:111122223333:stream/orders as role/checkout-producer"))
        #expect(io.output.contains("your draft:"))
        #expect(io.output.contains("✔ allowed  kinesis:GetRecords on arn:aws:kinesis:us-east-1:111122223333:stream/orders as role/order-auditor"))
        #expect(io.output.contains("`kinesis:Nope` is not an action"))
        #expect(io.output.contains("`role/nobody` is not a user or role of this lab"))
    }

    @Test("run shows each workload call and stops at the first surprise")
    func runWorkload() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\nrun\n")
        // The starter allows only DescribeStream; the workload's first call is a write (the
        // look-up step went when discovery became one of three actions, issue 13).
        #expect(io.output.contains("✘ 1. role/checkout-producer PutRecord (call 1)"))
        #expect(io.output.contains("expected success, got AccessDeniedException"))
        #expect(io.output.contains("Stopped at the first call that did not behave as expected."))
    }

    @Test("diff is refused before passing and lists extra grants after giving up")
    func diff() throws {
        let harness = try ReplHarness()
        let star = ReplHarness.courseFile("labs/producer-only/mutants/put-star.json")
        let (io, _) = harness.run("start producer-only\ndiff\npaste\n\(star).\nsolution --give-up\ndiff\n")
        #expect(io.output.contains("`diff` compares with the reference solution, so it opens after you pass"))
        #expect(io.output.contains("Your draft grants, and the reference solution does not:\n  arn:aws:iam::111122223333:role/checkout-producer:\n"))
        #expect(io.output.contains("+ kinesis:PutResourcePolicy on arn:aws:kinesis:us-east-1:111122223333:stream/orders (statement 1, line 4, through `kinesis:Put*`)"))
        #expect(!io.output.contains("The reference solution grants, and your draft does not:"))
    }

    @Test("unknown commands get a suggestion; bad arguments say the usage")
    func unknownCommand() throws {
        let harness = try ReplHarness()
        let (io, status) = harness.run("chek\nstrat producer-only\nstart\nstart producr-only\nexplain PutRecord\ncheck\n")
        #expect(status == 0)
        #expect(io.output.contains("unknown command `chek`; did you mean `check`?"))
        #expect(io.output.contains("unknown command `strat`; did you mean `start`?"))
        #expect(io.output.contains("`start` needs more: start N|LAB"))
        #expect(io.output.contains("no lab `producr-only`; did you mean `producer-only`?"))
        #expect(io.output.contains("`explain` needs more: explain ACTION RESOURCE [as NAME] [over http|https|fips] [via vpce-ID] [from IP] [at TIME] [with KEY=VALUE …]"))
        #expect(io.output.contains("no lab is started"))
    }

    @Test("the end of input ends a paste; one cut short is not JSON and changes nothing")
    func endOfInput() throws {
        let harness = try ReplHarness()
        let (io, status) = harness.run("start producer-only\npaste\n{\n")
        #expect(status == 0)
        #expect(io.output.contains("✘ line 2, column 1: unexpected end of input; expected a member name in double quotes; this is not JSON, so it was not saved: your draft is unchanged"))
        #expect(harness.draft("producer-only") == ReplHarness.courseFile("labs/producer-only/starter.json"))
        let (quiet, quietStatus) = harness.run("")
        #expect(quietStatus == 0)
        #expect(quiet.output.contains("Type `help` for the commands."))
    }

    @Test("a restart sees the progress and the draft of the last session")
    func restart() throws {
        let harness = try ReplHarness()
        _ = harness.run("start producer-only\npaste\n\(Self.solution).\nsubmit\nquit\n")
        let (io, _) = harness.run("labs\nstart producer-only\ncheck\nsolution\n")
        #expect(io.output.contains("Course progress: 1/20 ▓░░░░░░░░░"))
        #expect(io.output.contains("Next: `read 2` (Anatomy of a policy), then `start read-a-policy`"))
        #expect(io.output.contains("passed 11/11"))
        #expect(io.output.contains("Your draft: \(harness.home)/workspace/producer-only.json"))
        #expect(io.output.contains("producer-only: 11/11 — passed"))
        #expect(io.output.contains("The reference solution for producer-only:"))
    }

    @Test("lessons lists the course's lessons and read renders one")
    func lessons() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("lessons\nread 1\nread 99\n")
        #expect(io.output.contains("1. Least privilege") || io.output.contains("  1. "))
        let labsLine = try #require(io.output.split(separator: "\n").first { $0.contains("Labs for this lesson:") })
        #expect(labsLine.contains("`start producer-only`"))
        #expect(io.output.contains("no lesson `99`"))
    }

    @Test("edit runs the editor on the draft's path")
    func edit() throws {
        let harness = try ReplHarness()
        let io = TestIO(files: ReplHarness.courseFiles, standardInput: "start producer-only\nedit\ncheck\n",
                        environment: ["KDSLAB_HOME": harness.home, "EDITOR": "my-editor -w"])
        var seen: (String, String)?
        io.editor = { editor, path in
            seen = (editor, path)
            try? Self.solution.write(toFile: path, atomically: true, encoding: .utf8)
            return 0
        }
        _ = io.run(["--labs", "/course/labs", "--content", "/course/content"])
        #expect(seen?.0 == "my-editor -w")
        #expect(seen?.1 == harness.home + "/workspace/producer-only.json")
        #expect(io.output.contains("producer-only: 11/11 — passed"))
    }

    @Test("edit chooses VISUAL, then EDITOR, then vi (saying so)", arguments: [
        (["VISUAL": "vis", "EDITOR": "ed"], "vis", false),
        (["VISUAL": "", "EDITOR": "ed"], "ed", false),
        ([:], "vi", true),
    ] as [([String: String], String, Bool)])
    func editorChoice(variables: [String: String], editor: String, announced: Bool) throws {
        let harness = try ReplHarness()
        let io = TestIO(files: ReplHarness.courseFiles, standardInput: "start producer-only\nedit\n",
                        environment: variables.merging(["KDSLAB_HOME": harness.home]) { $1 })
        var seen: String?
        io.editor = { chosen, _ in
            seen = chosen
            return 0
        }
        _ = io.run(["--labs", "/course/labs", "--content", "/course/content"])
        #expect(seen == editor)
        #expect(io.output.contains("No VISUAL or EDITOR set: using vi. Set EDITOR to choose another.\n") == announced)
    }

    @Test("an editor that cannot start is one line, and the REPL goes on", arguments: [nil, 126, 127] as [Int32?])
    func editorCannotStart(status: Int32?) throws {
        let harness = try ReplHarness()
        let io = TestIO(files: ReplHarness.courseFiles, standardInput: "start producer-only\nedit\nlessons\n",
                        environment: ["KDSLAB_HOME": harness.home, "EDITOR": "nope"])
        if let status { io.editor = { _, _ in status } }  // no closure: the editor could not start
        _ = io.run(["--labs", "/course/labs", "--content", "/course/content"])
        let afterEdit = io.output.components(separatedBy: "\n").drop { !$0.contains("`paste` a new one") }.dropFirst()
        #expect(afterEdit.first == "✘ cannot start the editor `nope`: set VISUAL or EDITOR, or edit \(harness.home)/workspace/producer-only.json yourself")
        #expect(!io.output.contains("Saved in"))
        #expect(afterEdit.dropFirst().first?.hasPrefix("   1.   ") == true)
    }

    @Test("reset needs --yes, then forgets the lab")
    func reset() throws {
        let harness = try ReplHarness()
        let (io, _) = harness.run("start producer-only\nsolution --give-up\nreset\nreset producer-only --yes\nsolution\n")
        #expect(io.output.contains("reset producer-only --yes"))
        #expect(io.output.contains("Reset `producer-only`"))
        #expect(io.output.hasSuffix("the solution opens after you pass; `hint` helps, or `solution --give-up` shows it now and records that you gave up\n"))
    }
}
