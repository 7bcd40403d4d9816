import Testing
@testable import LabCLI

/// The check that spares the learner the shell's "not found" before kdslab's own line.
@Suite("Finding the editor's program")
struct ProgramLookupTests {
    @Test("a simple command's first word is its program; shell syntax is left to the shell", arguments: [
        ("vim", "vim"),
        ("code --wait", "code"),
        ("/usr/local/bin/hx", "/usr/local/bin/hx"),
        ("  nano  -w ", "nano"),
        ("FOO=1 vim", nil),
        ("\"/opt/my editor/ed\"", nil),
        ("$HOME/bin/ed", nil),
        ("vim; rm -rf x", nil),
        ("~/bin/ed", nil),
        ("exec vim", nil),
        ("command -p vi", nil),
    ] as [(String, String?)])
    func program(command: String, program: String?) {
        #expect(ProgramLookup.program(of: command) == program)
    }

    @Test("a name is looked for in each PATH folder, a path is checked as it is")
    func search() {
        let files: Set = ["/usr/bin/vim", "./local-ed", "/opt/hx"]
        func find(_ program: String, _ path: String?) -> Bool {
            ProgramLookup.canFind(program, searchPath: path, isExecutable: files.contains)
        }
        #expect(find("vim", "/bin:/usr/bin"))
        #expect(!find("vim", "/bin"))
        #expect(find("local-ed", "/bin::/usr/bin"))
        #expect(find("/opt/hx", "/bin"))
        #expect(!find("/usr/local/hx", "/usr/bin"))
        #expect(find("vim", nil))
    }

    @Test("only a simple command with no program found is refused")
    func mayRun() {
        #expect(!ProgramLookup.mayRun("kdslab-no-such-editor -w", searchPath: "/usr/bin:/bin"))
        #expect(ProgramLookup.mayRun("sh -c true", searchPath: "/usr/bin:/bin"))
        #expect(ProgramLookup.mayRun("FOO=1 kdslab-no-such-editor", searchPath: "/usr/bin:/bin"))
    }
}
