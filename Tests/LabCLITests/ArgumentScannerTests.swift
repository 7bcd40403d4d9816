import Testing
@testable import LabCLI

@Suite("Argument scanner")
struct ArgumentScannerTests {
    let scanner = ArgumentScanner(command: "policy simulate", options: [
        .value("--policy", repeatable: true), .value("--output"), .flag("--dry"),
    ])

    @Test("values come as '--opt value' or '--opt=value' and repeated options collect")
    func valuesCollect() throws {
        let parsed = try scanner.scan(["--policy", "a.json", "--policy=b.json", "--output=json", "x", "--dry"])
        #expect(parsed.all("--policy") == ["a.json", "b.json"])
        #expect(parsed.value("--output") == "json")
        #expect(parsed.has("--dry"))
        #expect(parsed.positionals == ["x"])
    }

    @Test("a value may start with a dash, and '--' ends the options")
    func dashValues() throws {
        let parsed = try scanner.scan(["--policy", "-", "--", "--dry"])
        #expect(parsed.all("--policy") == ["-"])
        #expect(parsed.positionals == ["--dry"])
        #expect(!parsed.has("--dry"))
    }

    @Test("'-h' is '--help' and the common flags are accepted by every command")
    func commonFlags() throws {
        let parsed = try scanner.scan(["-h", "--no-color"])
        #expect(parsed.has("--help"))
        #expect(parsed.has("--no-color"))
    }

    @Test("bad usage is refused with a one-line reason", arguments: [
        (["--nope"], "kdslab: unknown option '--nope' for 'policy simulate' (see 'kdslab policy simulate --help')"),
        (["--nope=1"], "kdslab: unknown option '--nope' for 'policy simulate' (see 'kdslab policy simulate --help')"),
        (["--policy"], "kdslab: option '--policy' needs a value (see 'kdslab policy simulate --help')"),
        (["--dry=yes"], "kdslab: option '--dry' takes no value (see 'kdslab policy simulate --help')"),
        (["--output", "json", "--output=text"], "kdslab: option '--output' was given more than once (see 'kdslab policy simulate --help')"),
    ])
    func badUsage(arguments: [String], message: String) {
        #expect(throws: CommandFailure(lines: [message], status: 2)) {
            try scanner.scan(arguments)
        }
    }
}
