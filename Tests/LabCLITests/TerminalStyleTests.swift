import Testing
@testable import LabCLI

@Suite("Terminal style")
struct TerminalStyleTests {
    @Test("colour only on a terminal, without NO_COLOR and without --no-color", arguments: [
        (true, nil, false, true),
        (true, "", false, true),
        (true, "1", false, false),
        (true, "0", false, false),
        (true, nil, true, false),
        (false, nil, false, false),
        (false, nil, true, false),
    ] as [(Bool, String?, Bool, Bool)])
    func decision(terminal: Bool, noColor: String?, flag: Bool, expected: Bool) {
        #expect(TerminalStyle.isEnabled(outputIsTerminal: terminal, noColor: noColor, noColorFlag: flag) == expected)
    }

    @Test("a disabled style writes text unchanged; an enabled one wraps and resets")
    func wrapping() {
        #expect(TerminalStyle.plain.red("x") == "x")
        #expect(TerminalStyle(enabled: true).green("ok") == "\u{1B}[32mok\u{1B}[0m")
        #expect(TerminalStyle(enabled: true).green("") == "")
    }

    @Test("the verdict line is coloured on a terminal and plain under NO_COLOR or --no-color", arguments: [
        ([String: String](), [String](), true),
        (["NO_COLOR": "1"], [], false),
        ([:], ["--no-color"], false),
    ])
    func endToEnd(environment: [String: String], extra: [String], coloured: Bool) {
        let policy = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*"}}"#
        let io = TestIO(files: ["p.json": policy], environment: environment, terminal: true)
        let status = io.run(["policy", "simulate", "--policy", "p.json", "--action", "kinesis:PutRecord"] + extra)
        #expect(status == 0)
        #expect(io.output.contains("\u{1B}[32m✔ allowed\u{1B}[0m") == coloured)
        #expect(io.output.contains("\u{1B}[") == coloured)
    }
}
