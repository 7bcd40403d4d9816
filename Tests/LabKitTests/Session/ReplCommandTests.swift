import LabKit
import Testing

@Suite("REPL commands")
struct ReplCommandTests {
    static let explainUsage = "explain ACTION RESOURCE [as NAME] [over http|https|fips] [via vpce-ID] [from IP] [at TIME] [with KEY=VALUE …]"

    @Test("lines parse to commands", arguments: [
        ("check", ReplCommand.check),
        ("  START   producer-only  ", .start("producer-only")),
        ("start 2", .start("2")),
        ("next", .next),
        ("read 2", .read("2")),
        ("help hint", .help("hint")),
        ("explain PutRecord stream/orders", .explain(ExplainQuestion(action: "PutRecord", resource: "stream/orders"))),
        ("explain GetRecords orders as role/order-auditor",
         .explain(ExplainQuestion(action: "GetRecords", resource: "orders", principal: "role/order-auditor"))),
        // Every clause, in any order, the keywords in any case.
        ("explain PutRecord stream/fraud-alerts WITH aws:SourceVpc=vpc-1 k=a=b at 2026-03-01 from 10.0.0.7 via vpce-1a over http AS fraud-scorer",
         .explain(ExplainQuestion(action: "PutRecord", resource: "stream/fraud-alerts", principal: "fraud-scorer", over: "http",
                                  via: "vpce-1a", from: "10.0.0.7", at: "2026-03-01",
                                  with: [.init(key: "aws:SourceVpc", value: "vpc-1"), .init(key: "k", value: "a=b")]))),
        ("solution --give-up", .solution(giveUp: true)),
        ("reset --yes", .reset(lab: nil, confirmed: true)),
        ("reset producer-only --yes", .reset(lab: "producer-only", confirmed: true)),
        ("exit", .quit),
        ("glossary", .glossary(nil)),
        ("glossary  enhanced   fan-out ", .glossary("enhanced fan-out")),
        ("cheatsheet", .cheatsheet(nil)),
        ("cheatsheet producer", .cheatsheet("producer")),
    ])
    func parses(_ line: String, _ expected: ReplCommand) throws {
        #expect(try ReplCommand.parse(line) == expected)
    }

    @Test("a blank line is no command")
    func blank() throws {
        #expect(try ReplCommand.parse("   ") == nil)
    }

    @Test("bad lines give errors that say what to type", arguments: [
        ("chek", "unknown command `chek`; did you mean `check`?"),
        ("sbumit", "unknown command `sbumit`; did you mean `submit`?"),
        ("xyzzy", "unknown command `xyzzy`; type `help` for the commands"),
        ("start", "`start` needs more: start N|LAB"),
        ("check now", "`check` does not take `now`: check"),
        ("explain PutRecord", "`explain` needs more: \(Self.explainUsage)"),
        ("explain PutRecord stream/orders by role/x", "`explain` does not take `by`: \(Self.explainUsage)"),
        ("explain PutRecord stream/orders as", "`as` needs NAME after it: \(Self.explainUsage)"),
        ("explain PutRecord stream/orders over from 10.0.0.1", "`over` needs http|https|fips after it: \(Self.explainUsage)"),
        ("explain PutRecord stream/orders with", "`with` needs KEY=VALUE after it: \(Self.explainUsage)"),
        ("explain PutRecord stream/orders with over http", "`with` needs KEY=VALUE after it: \(Self.explainUsage)"),
        ("explain PutRecord stream/orders with =x", "`explain` does not take `=x`: \(Self.explainUsage)"),
        ("explain PutRecord stream/orders as a as b", "`explain` takes `as` once: \(Self.explainUsage)"),
        ("solution please", "`solution` does not take `please`: solution [--give-up]"),
    ])
    func errors(_ line: String, _ message: String) {
        #expect(throws: ReplCommandError.self) { try ReplCommand.parse(line) }
        do {
            _ = try ReplCommand.parse(line)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("lines that start like JSON are told apart from commands", arguments: [
        ("{", true), ("  \"Version\": \"2012-10-17\",", true), ("]", true), ("},", true), ("[1, 2]", true),
        ("check", false), ("", false), ("   ", false), ("Version: 1", false),
    ])
    func strayJSON(_ line: String, _ looksLikeJSON: Bool) {
        #expect(ReplCommand.looksLikeJSON(line) == looksLikeJSON)
    }
}
