import LabKit

/// Reads a lab folder's files into ``LabFiles`` through ``CommandIO``: `lab.json`,
/// `prompt.md`, `starter.json`, `solution.json`, `variants/` and `mutants/`.
///
/// A missing file is `nil` (the loader reports it). A file that is there but cannot be read
/// — a folder, a FIFO or device, over the size limit, not UTF-8 — is an error in
/// ``LabFiles/unreadable`` naming its real problem: never skipped, never called missing.
enum LabFolderReader {
    /// The files of the lab folder at `path` (its last component is the lab's id).
    static func read(_ path: String, io: CommandIO) -> LabFiles {
        var unreadable: [LabProblem] = []
        func text(_ name: String) -> String? {
            let bytes: [UInt8]
            do {
                bytes = try io.readCourseFile(path + "/" + name, limit: SourceFile.readLimit)
            } catch {
                if !error.isMissing { unreadable.append(LabProblem(file: name, message: "cannot read the file: \(error.reason)")) }
                return nil
            }
            switch UTF8Text.decode(bytes) {
            case .success(let text):
                return text
            case .failure(let bad):
                unreadable.append(LabProblem(file: name, line: bad.line, column: bad.column, message: bad.message))
                return nil
            }
        }
        // Entries named *.json are read whatever they are, so a folder or FIFO among them is reported.
        var mutants: [(name: String, text: String, expect: String?)] = []
        for entry in io.listCourseDirectory(path + "/mutants") ?? [] where entry.name.hasSuffix(".json") {
            let base = String(entry.name.dropLast(5))
            if let body = text("mutants/\(entry.name)") { mutants.append((base, body, text("mutants/\(base).expect"))) }
        }
        var variants: [(name: String, text: String)] = []
        for entry in io.listCourseDirectory(path + "/variants") ?? [] where entry.name.hasSuffix(".json") {
            if let body = text("variants/\(entry.name)") { variants.append((String(entry.name.dropLast(5)), body)) }
        }
        let folder = path.split(separator: "/").last.map(String.init) ?? path
        return LabFiles(folderName: folder, definition: text("lab.json"), prompt: text("prompt.md"), starter: text("starter.json"),
                        solution: text("solution.json"), mutants: mutants, variants: variants, unreadable: unreadable)
    }
}
