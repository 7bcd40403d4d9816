import IAMPolicy
import LabKit

/// The `kdslab` command line: parses arguments, runs a command, returns the exit status.
///
/// Exit statuses: 0 success; 1 a check found problems (`policy validate`, a `policy check-*`
/// that FAILs); 2 bad usage or
/// unreadable input, with a one-line reason on standard error.
public enum KdslabCommand {
    /// kdslab's version (`scripts/release.sh` names the release after it).
    public static let version = "0.2.0"

    /// kdslab's version as a value, for a course's `requiresKdslab` (a test checks that
    /// ``version`` reads as one).
    static var semanticVersion: SemanticVersion { SemanticVersion(version) ?? SemanticVersion(numbers: [0]) }

    /// Runs `kdslab` with `arguments` (without the program name) and returns the exit status.
    public static func main(arguments: [String]) -> Int32 {
        run(arguments: arguments, io: SystemIO())
    }

    /// Runs `kdslab` with `arguments` through `io` and returns the exit status.
    public static func run(arguments: [String], io: CommandIO) -> Int32 {
        do {
            return try dispatch(arguments, io: io)
        } catch {
            for line in error.lines { io.errorLine(line) }
            return error.status
        }
    }

    /// Flags that may come before the command's name.
    private static let leadingFlags: Set<String> = ["--no-color", "-h", "--help", "--version"]

    private static func dispatch(_ arguments: [String], io: CommandIO) throws(CommandFailure) -> Int32 {
        let options = arguments.prefix { $0 != "--" }
        let wantsHelp = options.contains("-h") || options.contains("--help")
        let wantsVersion = options.contains("--version")
        let flags = Array(arguments.prefix { leadingFlags.contains($0) })
        var words = Array(arguments.dropFirst(flags.count))
        let rest = { (n: Int) in flags + Array(words.dropFirst(n)) }

        guard let first = words.first, !["--labs", "--content", "--course"].contains(where: first.hasPrefix) else {
            if wantsVersion && !wantsHelp { return try printVersion(arguments, io: io) } else if wantsHelp { io.line(HelpText.main) } else {
                return try ReplCommandLine(io: io).run(arguments)
            }
            return 0
        }
        if first == "help" {
            words.removeFirst()
            io.line(try helpText(for: words.filter { !$0.hasPrefix("-") }))
            return 0
        }
        if first.hasPrefix("-") {
            throw .usage("unknown option '\(first.split(separator: "=")[0])' for 'kdslab'", command: "")
        }
        let path = [first] + (Self.groups.contains(first) ? Array(words.dropFirst().prefix(1)) : [])
        let text = try helpText(for: path.filter { !$0.hasPrefix("-") })
        if wantsHelp {
            io.line(text)
            return 0
        }
        if wantsVersion { return try printVersion(arguments, io: io) }
        switch path.joined(separator: " ") {
        case "policy simulate":
            return try SimulateCommand(io: io).run(rest(2))
        case "policy validate":
            return try ValidateCommand(io: io).run(rest(2))
        case "policy check-no-new-access":
            return try CheckCommand(io: io, check: .noNewAccess).run(rest(2))
        case "policy check-access-not-granted":
            return try CheckCommand(io: io, check: .accessNotGranted).run(rest(2))
        case "policy check-no-public-access":
            return try CheckCommand(io: io, check: .noPublicAccess).run(rest(2))
        case "progress":
            return try ProgressCommand(io: io).run(rest(1))
        case "reset":
            return try ResetCommand(io: io).run(rest(1))
        case "grade":
            return try GradeCommand(io: io).run(rest(1))
        case "watch":
            return try WatchCommand(io: io).run(rest(1))
        case "lab validate":
            return try LabValidateCommand(io: io).run(rest(2))
        case "lab new":
            return try LabNewCommand(io: io).run(rest(2))
        case "lab":
            throw .usage("'lab' needs a subcommand: new or validate", command: "lab")
        case "course new":
            return try CourseNewCommand(io: io).run(rest(2))
        case "course":
            throw .usage("'course' needs a subcommand: new", command: "course")
        case "doctor":
            return try DoctorCommand(io: io).run(rest(1))
        case "serve":
            return try ServeCommand(io: io).run(rest(1))
        default:
            throw .usage("'policy' needs a subcommand: simulate, validate, check-no-new-access, check-access-not-granted or check-no-public-access", command: "policy")
        }
    }

    /// Commands that are groups of subcommands.
    private static let groups: Set<String> = ["policy", "lab", "course"]

    /// `--version`: kdslab's version, then the course the other options choose, its
    /// version, and how it was chosen.
    private static func printVersion(_ arguments: [String], io: CommandIO) throws(CommandFailure) -> Int32 {
        io.line("kdslab \(version)")
        var values: [String: String] = [:]
        for (i, word) in arguments.enumerated() {
            for name in ["--labs", "--content", "--course"] {
                if word == name, i + 1 < arguments.count { values[name] = arguments[i + 1] }
                if word.hasPrefix(name + "=") { values[name] = String(word.dropFirst(name.count + 1)) }
            }
        }
        let location = try CourseLocator(labsFlag: values["--labs"], contentFlag: values["--content"], courseFlag: values["--course"])
            .locate(io: io)
        let manifest = try CourseLoader(io: io).manifest(location).manifest
        io.line("course: " + CourseDescription(location: location, manifest: manifest).text)
        return 0
    }

    /// The help for a command path, or an unknown-command failure.
    private static func helpText(for path: [String]) throws(CommandFailure) -> String {
        switch path.joined(separator: " ") {
        case "": return HelpText.main
        case "policy": return HelpText.policy
        case "policy simulate": return HelpText.simulate
        case "policy validate": return HelpText.validate
        case "policy check-no-new-access": return HelpText.checkNoNewAccess
        case "policy check-access-not-granted": return HelpText.checkAccessNotGranted
        case "policy check-no-public-access": return HelpText.checkNoPublicAccess
        case "progress": return HelpText.progress
        case "reset": return HelpText.reset
        case "grade": return HelpText.grade
        case "watch": return HelpText.watch
        case "lab": return HelpText.lab
        case "lab validate": return HelpText.labValidate
        case "lab new": return HelpText.labNew
        case "course": return HelpText.course
        case "course new": return HelpText.courseNew
        case "doctor": return HelpText.doctor
        case "serve": return HelpText.serve
        default:
            if let group = path.first, groups.contains(group), path.count > 1 {
                throw .usage("unknown command '\(path[0]) \(path[1])'", command: path[0])
            }
            throw .usage("unknown command '\(path[0])'", command: "")
        }
    }
}
