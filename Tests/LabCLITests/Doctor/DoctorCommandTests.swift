import Foundation
import IAMPolicy
import Testing
@testable import LabCLI

/// `kdslab doctor` reports each piece kdslab uses and what to do when it is missing.
@Suite("kdslab doctor")
struct DoctorCommandTests {
    /// A folder of fake programs, for `PATH`.
    static func programs(_ names: [String]) throws -> String {
        let folder = ChildProcess.temporaryFolder()
        for name in names {
            let path = folder + "/" + name
            try "#!/bin/sh\nexit 0\n".write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        return folder
    }

    static func json(_ io: TestIO) throws -> [String: JSONValue] {
        let document = try JSONReader(limits: .init(maxBytes: 1 << 20, maxDepth: 16)).read(io.output)
        var checks: [String: JSONValue] = [:]
        for check in document["checks"]?.elements ?? [] { checks[check["name"]?.stringValue ?? ""] = check }
        return checks
    }

    @Test("everything found: each check is ok and says what it found")
    func allFound() throws {
        let bin = try Self.programs(["less", "nano", "aws", "python3"])
        let home = TemporaryRoot()
        defer { home.remove(); try? FileManager.default.removeItem(atPath: bin) }
        let io = TestIO(environment: ["KDSLAB_HOME": home.path, "PATH": bin, "EDITOR": "nano", "TERM": "xterm"])
        var doctor = DoctorCommand(io: io)
        doctor.isWritable = { _ in true }
        doctor.probe = { command, environment in
            #expect(environment["PATH"] == bin)
            return .answered(command.hasPrefix("aws") ? "aws-cli/2.15.0" : "boto3 1.34.0")
        }
        #expect(try doctor.run(["--output", "json"]) == 0)
        let checks = try Self.json(io)
        #expect(checks.keys.sorted() == ["aws CLI", "boto3", "colour", "course", "editor", "pager", "state folder", "terminal"])
        #expect(checks.values.allSatisfy { $0["status"]?.stringValue == "ok" }, "\(io.output)")
        #expect(checks["course"]?["found"]?.stringValue == "Amazon Kinesis Data Streams security (kinesis-security 1.0.0), built into kdslab: 14 lessons, 18 labs"
                || checks["course"]?["found"]?.stringValue?.hasPrefix("Amazon Kinesis Data Streams security (kinesis-security 1.0.0), built into kdslab: ") == true)
        #expect(checks["editor"]?["found"]?.stringValue == "`nano` (EDITOR)")
        #expect(checks["aws CLI"]?["found"]?.stringValue == "aws-cli/2.15.0")
        #expect(checks["boto3"]?["found"]?.stringValue == "boto3 1.34.0")
        #expect(checks["colour"]?["found"]?.stringValue == "off: standard output is not a terminal")
        #expect(checks["state folder"]?["found"]?.stringValue == "\(home.path) (made at the first save)")
    }

    @Test("missing extras are reported with what to do, and kdslab still runs (exit 0)")
    func missingExtras() throws {
        let home = TemporaryRoot()
        defer { home.remove() }
        let io = TestIO(environment: ["KDSLAB_HOME": home.path, "PATH": "/nonexistent", "NO_COLOR": "1"])
        var doctor = DoctorCommand(io: io)
        doctor.probe = { _, _ in Issue.record("nothing to probe"); return .notRun }
        #expect(try doctor.run([]) == 0)
        #expect(io.output.contains("– editor        `vi` (the default) is not on PATH: `edit` cannot open your draft\n"
                                   + "                → set EDITOR to an editor you have (export EDITOR=nano), or type and paste drafts with `paste`\n"),
                "\(io.output)")
        #expect(io.output.contains("– aws CLI       `aws` is not on PATH\n"))
        #expect(io.output.contains("– boto3         `python3` is not on PATH\n"))
        #expect(io.output.contains("– pager         `less` (the default) is not on PATH"))
        #expect(io.output.contains("✔ colour        off: NO_COLOR is set\n"))
        #expect(io.output.hasSuffix("kdslab can run the course.\n"))
    }

    @Test("no place for progress, or one that cannot be written, is a problem (exit 1)")
    func stateFolderProblems() throws {
        let io = TestIO(environment: ["PATH": "/nonexistent"])
        #expect(try DoctorCommand(io: io).run(["--output", "json"]) == 1)
        #expect(try Self.json(io)["state folder"]?["status"]?.stringValue == "problem")

        let readOnly = TestIO(environment: ["KDSLAB_HOME": "/proc/kdslab-cannot-be-here", "PATH": "/nonexistent"])
        var doctor = DoctorCommand(io: readOnly)
        doctor.isWritable = { _ in false }
        #expect(try doctor.run([]) == 1)
        #expect(readOnly.output.contains("✘ state folder  /proc/kdslab-cannot-be-here: / cannot be written"), "\(readOnly.output)")
        #expect(readOnly.output.hasSuffix("kdslab cannot run the course as it is: see ✘ above.\n"))
    }

    @Test("a course that cannot be used is a problem (exit 1)")
    func badCourse() throws {
        let io = TestIO(environment: ["KDSLAB_COURSE": "/nowhere", "KDSLAB_HOME": "/tmp", "PATH": "/nonexistent"])
        #expect(try DoctorCommand(io: io).run(["--output", "json"]) == 1)
        let course = try Self.json(io)["course"]
        #expect(course?["status"]?.stringValue == "problem")
        #expect(course?["found"]?.stringValue == "the course folder '/nowhere' is not a directory (from KDSLAB_COURSE)")
    }
}
