import Foundation
import Testing
@testable import LabCLI

@Suite("System I/O")
struct SystemIOTests {
    @Test("reads a file, and says why when it cannot")
    func readsFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kdslab-\(UUID().uuidString).json").path
        try "{}".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let io = SystemIO()
        #expect(try io.readFile(path, limit: 100) == Array("{}".utf8))
        #expect(throws: ReadFailure("No such file or directory")) { try io.readFile(path + ".missing", limit: 100) }
        #expect(throws: ReadFailure("Is a directory")) { try io.readFile(FileManager.default.temporaryDirectory.path, limit: 100) }
        #expect(throws: ReadFailure.tooLarge(limit: 1)) { try io.readFile(path, limit: 1) }
    }

    @Test("refuses an endless device instead of reading it")
    func endless() {
        #expect(throws: ReadFailure("not a regular file (a character device)")) { try SystemIO().readFile("/dev/zero", limit: 1_048_576) }
    }

    @Test("bytes that are not UTF-8 are reported with their line and column")
    func invalidUTF8() {
        let io = TestIO()
        io.files["bad.json"] = Array("{\n  \"a\": \"".utf8) + [0xFF] + Array("\"}".utf8)
        let status = io.run(["policy", "simulate", "--policy", "bad.json", "--action", "s3:GetObject"])
        #expect(status == 2)
        #expect(io.error == "kdslab: bad.json:2:9: the file is not valid UTF-8 text (byte offset 10)\n")
    }
}
