import Testing
@testable import LabCLI

@Suite("Pager")
struct PagerTests {
    private func plan(lines: Int, rows: Int = 24, terminal: Bool = true, env: [String: String] = [:]) -> Pager.Plan {
        Pager.plan(lineCount: lines, screenRows: rows, outputIsTerminal: terminal, environment: { env[$0] })
    }

    @Test("text that fits the screen, or output that is not a terminal, is printed")
    func prints() {
        #expect(plan(lines: 20) == .print)
        #expect(plan(lines: 500, terminal: false) == .print)
        #expect(plan(lines: 500, env: ["PAGER": ""]) == .print)
        #expect(plan(lines: 500, env: ["PAGER": " cat "]) == .print)
    }

    @Test("long text on a terminal goes to less with LESS=FRX, or to PAGER as given")
    func pages() {
        #expect(plan(lines: 30) == .page(command: "less", environment: ["LESS": "FRX"]))
        #expect(plan(lines: 30, env: ["PAGER": "more", "LESS": "S"]) == .page(command: "more", environment: [:]))
    }

    @Test("not a terminal: show writes the text directly")
    func showWithoutTerminal() {
        let io = TestIO(terminal: false)
        Pager.show("a\nb\n", io: io, screenRows: 1)
        #expect(io.output == "a\nb\n")
    }

    @Test("terminal size: the query, then COLUMNS and LINES, then 80 by 24")
    func size() {
        #expect(TerminalSize.resolve(queried: TerminalSize(columns: 100, rows: 40), columns: "50", lines: "10")
                == TerminalSize(columns: 100, rows: 40))
        #expect(TerminalSize.resolve(queried: TerminalSize(columns: 0, rows: 0), columns: "50", lines: "10")
                == TerminalSize(columns: 50, rows: 10))
        #expect(TerminalSize.resolve(queried: nil, columns: "wide", lines: "-3") == .fallback)
    }
}
