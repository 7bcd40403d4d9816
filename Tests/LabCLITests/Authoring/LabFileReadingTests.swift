import Foundation
import Testing
import IAMPolicy
import LabKit
@testable import LabCLI

/// Files a command must not trust: FIFOs and devices (reading one waits forever), folders
/// and files over the size limit where a file is expected, and text that is not UTF-8. Each
/// is named with its real problem; none is skipped silently; nothing waits.
@Suite("Lab and submission files that cannot be read")
struct LabFileReadingTests {
    /// A fresh folder holding a copy of the course's `producer-only` lab in `labs/`.
    struct Course {
        let root: String
        var labs: String { root + "/labs" }
        var lab: String { labs + "/producer-only" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("kdslab-files-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/labs", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: ReplHarness.repository.appendingPathComponent("labs/producer-only").path,
                                             toPath: root + "/labs/producer-only")
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        func replace(_ file: String, with make: (String) throws -> Void) throws {
            try FileManager.default.removeItem(atPath: lab + "/" + file)
            try make(lab + "/" + file)
        }

        /// `kdslab lab validate` on the lab, guarded against waiting on `fifos`.
        func validate(unblocking fifos: [String] = []) -> (output: String, status: Int32)? {
            let labs = labs
            let lab = lab
            return withoutHanging(unblocking: fifos) {
                let io = DiskIO()
                let status = io.run(["lab", "validate", lab, "--labs", labs])
                return (io.output + io.error, status)
            }
        }
    }

    @Test("the system reads only regular files: a FIFO, a device, a folder or a file over the limit is refused unopened or unread")
    func systemReadsRegularFilesOnly() throws {
        let course = try Course()
        defer { course.remove() }
        let fifo = course.root + "/fifo"
        try makeFIFO(fifo)
        try makeSparseFile(course.root + "/huge", size: 5 * 1_048_576)
        let root = course.root
        let results = withoutHanging(unblocking: [fifo]) { () -> [String] in
            let io = SystemIO()
            return [fifo, "/dev/null", "/dev/zero", root, root + "/huge"].map { (path: String) -> String in
                do throws(ReadFailure) {
                    return "read \(try io.readFile(path, limit: 4 * 1_048_576).count) bytes"
                } catch {
                    return error.reason
                }
            }
        }
        #expect(results == ["not a regular file (a FIFO)", "not a regular file (a character device)",
                            "not a regular file (a character device)", "Is a directory", "larger than the limit of 4 MiB"])
        #expect(try SystemIO().readFile(course.lab + "/lab.json", limit: 1_048_576).count > 100)
    }

    @Test("grade reports a FIFO submission, in a class folder or a learner's folder, and grades the others")
    func gradeReportsAFIFO() throws {
        let course = try Course()
        defer { course.remove() }
        let folder = course.root + "/class"
        try FileManager.default.createDirectory(atPath: folder + "/chen", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: course.lab + "/solution.json", toPath: folder + "/ana.json")
        try makeFIFO(folder + "/ben.json")
        try makeFIFO(folder + "/chen/submission.json")
        let labs = course.labs
        let run = withoutHanging(unblocking: [folder + "/ben.json", folder + "/chen/submission.json"]) { () -> (String, Int32) in
            let io = DiskIO()
            let status = io.run(["grade", "--lab", "producer-only", "--labs", labs, "--output", "csv", folder])
            return (io.output + io.error, status)
        }
        let (output, status) = try #require(run)
        #expect(status == 1)
        #expect(output.contains("\(folder)/ana.json,11,11,true,"), "\(output)")
        let json = withoutHanging(unblocking: [folder + "/ben.json"]) { () -> String in
            let io = DiskIO()
            _ = io.run(["grade", "--lab", "producer-only", "--labs", labs, "--output", "json", folder + "/ben.json"])
            return io.output
        }
        let document = try JSONReader().read(try #require(json))
        #expect(document["results"]?.elements?.first?["error"]?["message"]?.stringValue
                == "cannot read '\(folder)/ben.json': not a regular file (a FIFO)")
    }

    @Test("lab.json that cannot be read is named with its real problem, not as missing", arguments: ["FIFO", "folder", "too large"])
    func labJSONProblem(kind: String) throws {
        let course = try Course()
        defer { course.remove() }
        let expected: String
        switch kind {
        case "FIFO":
            try course.replace("lab.json", with: makeFIFO)
            expected = "not a regular file (a FIFO)"
        case "folder":
            try course.replace("lab.json") { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }
            expected = "Is a directory"
        default:
            try course.replace("lab.json") { try makeSparseFile($0, size: 5 * 1_048_576) }
            expected = "larger than the limit of 4 MiB"
        }
        let result = try #require(course.validate(unblocking: [course.lab + "/lab.json"]))
        #expect(result.status == 1)
        #expect(result.output.contains("\(course.lab)/lab.json: error: cannot read the file: \(expected)\n"), "\(result.output)")
        #expect(!result.output.contains("has no lab.json"))
    }

    @Test("a mutant that cannot be read is an error, not skipped (which counted the lab ok)")
    func unreadableMutants() throws {
        let course = try Course()
        defer { course.remove() }
        try course.replace("mutants/put-star.json") { try makeSparseFile($0, size: 5 * 1_048_576) }
        try course.replace("mutants/any-region.json", with: makeFIFO)
        try course.replace("variants/putrecord-wildcard.json", with: makeFIFO)
        let result = try #require(course.validate(unblocking: [course.lab + "/mutants/any-region.json",
                                                               course.lab + "/variants/putrecord-wildcard.json"]))
        #expect(result.status == 1)
        #expect(result.output.contains("\(course.lab)/mutants/put-star.json: error: cannot read the file: larger than the limit of 4 MiB\n"))
        #expect(result.output.contains("\(course.lab)/mutants/any-region.json: error: cannot read the file: not a regular file (a FIFO)\n"))
        #expect(result.output.contains("\(course.lab)/variants/putrecord-wildcard.json: error: cannot read the file: not a regular file (a FIFO)\n"))
        #expect(!result.output.contains(": ok"), "\(result.output)")
    }

    /// A lab file with one byte that is not UTF-8 put on line 3 after four characters.
    @Test("text in a lab file that is not UTF-8 is an error with its line, column and byte offset",
          arguments: ["lab.json", "prompt.md", "starter.json", "solution.json", "variants/putrecord-wildcard.json",
                      "mutants/put-star.json", "mutants/put-star.expect"])
    func notUTF8(file: String) throws {
        var files = LabCommandTests.course(["labs"]).mapValues { Array($0.utf8) }
        let path = "/course/labs/producer-only/" + file
        let text = try #require(files[path])
        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.count < 3 { lines += Array(repeating: [], count: 3 - lines.count) }
        let before = String(decoding: lines[2], as: UTF8.self).prefix(4)
        lines[2] = Array(before.utf8) + [0xFF] + lines[2].dropFirst(before.utf8.count)
        files[path] = Array(lines.joined(separator: [0x0A]))
        let offset = lines[0].count + lines[1].count + 2 + before.utf8.count

        let io = TestIO()
        io.files = files
        let status = io.run(["lab", "validate", "producer-only", "--labs", "/course/labs"])
        #expect(status == 1)
        #expect(io.output.contains("\(path):3:\(before.count + 1): error: the file is not valid UTF-8 text (byte offset \(offset))\n"),
                "\(io.output)")
    }

    @Test("a lesson that is not UTF-8 is reported with its position, not shown with replacement characters")
    func lessonNotUTF8() throws {
        var files = LabCommandTests.course(["content"]).mapValues { Array($0.utf8) }
        let path = try #require(files.keys.sorted().first { $0.hasSuffix(".md") })
        files[path] = Array("# Title\n\nA caf".utf8) + [0xE9] + Array(" lesson.\n".utf8)
        let io = TestIO()
        io.files = files
        io.directories.insert("/course/labs")
        let course = try CourseLoader(io: io).load(CourseLocation(labs: "/course/labs", content: "/course/content"))
        #expect(course.warnings.contains("\(path):3:6: the file is not valid UTF-8 text (byte offset 14)"), "\(course.warnings)")
    }

    @Test("a submission that is not UTF-8 is graded as unreadable with its line, column and byte offset")
    func submissionNotUTF8() throws {
        let io = TestIO(files: ReplHarness.courseFiles)
        io.files["/class/bad.json"] = Array("{\n  \"a\": \"".utf8) + [0xFF] + Array("\"}".utf8)
        #expect(io.run(["grade", "--lab", "producer-only", "--labs", "/course/labs", "--output", "json", "/class/bad.json"]) == 1)
        let document = try JSONReader().read(io.output)
        let error = document["results"]?.elements?.first?["error"]
        #expect(error?["message"]?.stringValue == "the file is not valid UTF-8 text (byte offset 10)")
        #expect(error?["line"]?.kind == .number("2") && error?["column"]?.kind == .number("9"))
    }
}
