import Foundation
import Testing
@testable import LabCLI

/// `kdslab grade`: formats, folder layouts, exit codes, unreadable submissions.
@Suite struct GradeCommandTests {
    static let solution = ReplHarness.courseFile("labs/producer-only/solution.json")
    static let putStar = ReplHarness.courseFile("labs/producer-only/mutants/put-star.json")

    /// A class: two learners with a file each, one in a folder, one broken, one empty folder.
    static func classIO(_ extra: [String: String] = [:]) -> TestIO {
        var files = ReplHarness.courseFiles
        files["/class/ana.json"] = solution
        files["/class/ben.json"] = putStar
        files["/class/chen/submission.json"] = solution
        files["/class/dev.json"] = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": ["
        files["/class/eve/notes.txt"] = "forgot to submit"
        for (k, v) in extra { files[k] = v }
        return TestIO(files: files)
    }

    func grade(_ arguments: [String], io: TestIO = classIO()) -> (TestIO, Int32) {
        let status = io.run(["grade", "--lab", "producer-only", "--labs", "/course/labs"] + arguments)
        return (io, status)
    }

    @Test func passingSubmissionExitsZero() {
        let (io, status) = grade(["/class/ana.json"])
        #expect(status == 0)
        #expect(io.output.hasPrefix("PASS /class/ana.json  11/11"))
    }

    @Test func aClassFolderIsGradedInOrderAndExitsOneWhenAnyFails() throws {
        let (io, status) = grade(["/class", "--output", "json"])
        #expect(status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(io.output.utf8)) as? [String: Any]
        let results = try #require(json?["results"] as? [[String: Any]])
        #expect(results.map { $0["submission"] as? String } == ["/class/ana.json", "/class/ben.json", "chen", "/class/dev.json", "eve"])
        #expect(results.map { $0["passed"] as? Bool } == [true, false, true, false, false])
        #expect(json?["passed"] as? Int == 2)
        let ben = results[1]
        #expect(ben["score"] as? Int == 6 && ben["maxScore"] as? Int == 11)
        let checks = try #require(ben["checks"] as? [[String: Any]])
        let exact = try #require(checks.first { $0["id"] as? String == "exactly-producer" })
        #expect(exact["passed"] as? Bool == false)
        #expect((exact["message"] as? String)?.contains("PutResourcePolicy") == true)
        #expect(Set(checks.first!.keys).isSuperset(of: ["id", "kind", "passed", "points", "message"]))
        let dev = try #require(results[3]["error"] as? [String: Any])
        #expect(dev["line"] as? Int == 3)
        #expect((results[4]["error"] as? [String: Any])?["message"] as? String == "the folder has no .json file")
    }

    @Test func csvHasOneRowPerLearner() {
        let (io, _) = grade(["/class", "--output", "csv"])
        let rows = io.output.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "submission,score,max,passed,failed_checks")
        #expect(rows.contains("/class/ben.json,6,11,false,exactly-producer;no-errors"))
        #expect(rows.contains("chen,11,11,true,"))
        #expect(rows.count == 6)
    }

    @Test func junitHasATestCasePerCheck() {
        let (io, _) = grade(["/class/ana.json", "/class/ben.json", "--output", "junit"])
        #expect(io.output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"producer-only\">"))
        #expect(io.output.components(separatedBy: "<testcase ").count - 1 == 14)
        #expect(io.output.components(separatedBy: "<failure ").count - 1 == 2)
        #expect(io.output.contains("<testsuite name=\"/class/ben.json\" tests=\"7\" failures=\"2\" errors=\"0\">"))
    }

    @Test func serviceShapes() throws {
        let (scope, _) = grade(["/class/ben.json", "--output", "gradescope"])
        let g = try JSONSerialization.jsonObject(with: Data(scope.output.utf8)) as? [String: Any]
        #expect(g?["score"] as? Int == 6 && g?["max_score"] as? Int == 11)
        #expect((g?["tests"] as? [[String: Any]])?.count == 7)

        let (ex, _) = grade(["/class/dev.json", "--output", "exercism"])
        let e = try JSONSerialization.jsonObject(with: Data(ex.output.utf8)) as? [String: Any]
        #expect(e?["version"] as? Int == 3 && e?["status"] as? String == "error")

        let (sarif, _) = grade(["/class/ben.json", "--output", "sarif"])
        let s = try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any]
        #expect(s?["version"] as? String == "2.1.0")
        let run = try #require((s?["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["producer-only/exactly-producer", "producer-only/no-errors"])
        let location = (results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "/class/ben.json")
        #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == 4)
    }

    @Test("Bad usage exits 2 with one line", arguments: [
        ["grade", "/class/ana.json"],
        ["grade", "--lab", "producer-only", "--labs", "/course/labs"],
        ["grade", "--lab", "no-such-lab", "--labs", "/course/labs", "/class/ana.json"],
        ["grade", "--lab", "producer-only", "--labs", "/course/labs", "/class/ana.json", "--output", "xml"],
        ["grade", "--lab", "producer-only", "--labs", "/course/labs", "/nowhere"],
    ])
    func badUsage(arguments: [String]) {
        let io = Self.classIO()
        let status = io.run(arguments)
        if arguments.last == "/nowhere" {
            // A path that is not there is a failed grade that says why, not a usage error.
            #expect(status == 1)
            #expect(io.output.contains("cannot read '/nowhere'"))
        } else {
            #expect(status == 2)
            #expect(io.error.hasPrefix("kdslab: "))
        }
    }

    @Test func sameInputSameOutput() {
        #expect(grade(["/class", "--output", "json"]).0.output == grade(["/class", "--output", "json"]).0.output)
    }
}
