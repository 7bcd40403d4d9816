import Testing
@testable import LabCLI

@Suite("Tables that fit the terminal")
struct TextTableTests {
    static let table = TextTable(columns: [
        .init(header: "LAB"), .init(header: "TITLE", wraps: true), .init(header: "DIFFICULTY", label: "difficulty"),
        .init(header: "STATUS", label: ""),
    ], rows: [
        [.init("producer-only"), .init("Write a producer-only policy for the checkout service"), .init("1/5"), .init("passed 11/11")],
        [.init("arn-wildcards"), .init("Wildcards in ARNs: dev streams only"), .init("2/5"), .init("not started")],
    ], headCells: 2)

    @Test("at its natural width when that fits")
    func natural() {
        #expect(Self.table.render(width: 100, style: .plain) == [
            "LAB            TITLE                                                  DIFFICULTY  STATUS",
            "producer-only  Write a producer-only policy for the checkout service  1/5         passed 11/11",
            "arn-wildcards  Wildcards in ARNs: dev streams only                    2/5         not started",
        ])
    }

    @Test("narrower, the wrapping column shares what is left, its cells wrapped at words")
    func shrunk() {
        let lines = Self.table.render(width: 80, style: .plain)
        #expect(lines == [
            "LAB            TITLE                                    DIFFICULTY  STATUS",
            "producer-only  Write a producer-only policy for the     1/5         passed 11/11",
            "               checkout service",
            "arn-wildcards  Wildcards in ARNs: dev streams only      2/5         not started",
        ])
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test("below 70 columns each row is a block: its first cells, then labelled values", arguments: [60, 69])
    func stacked(width: Int) {
        let lines = Self.table.render(width: width, style: .plain)
        #expect(lines.allSatisfy { DisplayWidth.of(text: $0) <= width })
        let expected = width == 60
            ? ["producer-only  Write a producer-only policy for the checkout", "    service", "    difficulty 1/5 · passed 11/11"]
            : ["producer-only  Write a producer-only policy for the checkout service", "    difficulty 1/5 · passed 11/11"]
        #expect(Array(lines.prefix(expected.count)) == expected)
        #expect(Array(lines.suffix(2)) == ["arn-wildcards  Wildcards in ARNs: dev streams only", "    difficulty 2/5 · not started"])
    }

    @Test("a droppable column goes before the rows stack")
    func droppable() {
        var table = Self.table
        table.columns[1].droppable = true
        table.columns[1].wraps = false
        #expect(table.render(width: 72, style: .plain) == [
            "LAB            DIFFICULTY  STATUS",
            "producer-only  1/5         passed 11/11",
            "arn-wildcards  2/5         not started",
        ])
        #expect(table.render(width: 60, style: .plain).first == "producer-only  Write a producer-only policy for the checkout")
    }

    @Test("colour goes on the text, never on the padding")
    func colour() {
        let table = TextTable(columns: [.init(header: "A"), .init(header: "B")],
                              rows: [[.init("x", .green), .init("y")]])
        #expect(table.render(width: 80, style: TerminalStyle(enabled: true))
                == ["\u{1B}[1mA\u{1B}[0m  \u{1B}[1mB\u{1B}[0m", "\u{1B}[32mx\u{1B}[0m  y"])
    }
}
