import LabKit

/// Reads a lab folder's files into ``LabFiles`` through ``CommandIO``: `lab.json`,
/// `prompt.md`, `starter.json`, `solution.json` and `mutants/`. A missing file is `nil`
/// (the loader reports it); the files' size is capped like every other input.
enum LabFolderReader {
    /// The files of the lab folder at `path` (its last component is the lab's id).
    static func read(_ path: String, io: CommandIO) -> LabFiles {
        func text(_ name: String) -> String? {
            guard let bytes = try? io.readFile(path + "/" + name, limit: SourceFile.readLimit) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        var mutants: [(name: String, text: String, expect: String?)] = []
        for entry in io.listDirectory(path + "/mutants") ?? [] where !entry.isDirectory && entry.name.hasSuffix(".json") {
            let base = String(entry.name.dropLast(5))
            if let body = text("mutants/\(entry.name)") { mutants.append((base, body, text("mutants/\(base).expect"))) }
        }
        let folder = path.split(separator: "/").last.map(String.init) ?? path
        return LabFiles(folderName: folder, definition: text("lab.json"), prompt: text("prompt.md"), starter: text("starter.json"),
                        solution: text("solution.json"), mutants: mutants)
    }
}
