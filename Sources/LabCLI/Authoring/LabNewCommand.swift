import Foundation
/// `kdslab lab new ID [--from TEMPLATE] [--labs DIR]`: makes `labs/ID/` from a template built
/// into kdslab (``LabTemplate``), ready to validate and to edit.
///
/// Refuses an id that is not lower-case letters, digits and single dashes, and never
/// overwrites: a lab folder that exists is left alone.
/// Exit statuses: 0 created; 1 a file could not be written; 2 bad usage or an existing lab.
struct LabNewCommand {
    /// Where input comes from and output goes.
    let io: CommandIO

    /// The command's name in messages.
    static let name = "lab new"

    func run(_ arguments: [String]) throws(CommandFailure) -> Int32 {
        let parsed = try ArgumentScanner(command: Self.name, options: [.value("--from"), .value("--labs")]).scan(arguments)
        guard parsed.positionals.count == 1, let id = parsed.positionals.first else {
            throw .usage(parsed.positionals.isEmpty ? "give the new lab's id, e.g. kdslab lab new consumer-only"
                                                    : "give one lab id, not \(parsed.positionals.count)", command: Self.name)
        }
        guard Self.isValidID(id) else {
            throw .usage("'\(id)' is not a lab id: use lower-case letters, digits and dashes, e.g. consumer-only", command: Self.name)
        }
        let templateName = parsed.value("--from") ?? LabTemplate.all[0].name
        guard let template = LabTemplate.named(templateName) else {
            let names = LabTemplate.all.map(\.name).joined(separator: ", ")
            throw .usage("no template '\(templateName)'; templates: \(names)", command: Self.name)
        }
        let labs: String
        if let flag = parsed.value("--labs") {
            guard io.isDirectory(flag) else { throw .usage("the labs folder '\(flag)' is not a directory", command: Self.name) }
            labs = CourseLocator.trimmed(flag)
        } else {
            labs = try CourseLocator(labsFlag: nil, contentFlag: nil).locate(io: io).labs
        }
        let folder = labs + "/" + id
        if io.isDirectory(folder) || (try? io.readFile(folder, limit: 1)) != nil {
            throw .usage("'\(folder)' already exists; kdslab lab new never overwrites a lab (choose another id)")
        }
        var files = template.files(id: id)
        // The templates name one of this course's lessons; in another course, name that
        // course's first lesson instead (or none, which validate reports as a warning).
        let content = CourseLocator.parent(of: labs) + "/content"
        let lessons = CourseLoader(io: io).loadLessons(io.isDirectory(content) ? content : nil).lessons.map(\.id)
        if let i = files.firstIndex(where: { $0.path == "lab.json" }),
           let line = files[i].contents.split(separator: "\n").first(where: { $0.contains("\"lessons\": [") }),
           let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") {
            let list = line[line.index(after: open)..<close]
            let named = list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
            if !named.allSatisfy(lessons.contains) {
                let replacement = lessons.first.map { "[\"\($0)\"]" } ?? "[]"
                files[i].contents = files[i].contents.replacingOccurrences(of: "[\(list)]", with: replacement)
            }
        }
        do {
            try io.createDirectory(folder)
            var made: Set<String> = [folder]
            for (path, contents) in files {
                let parts = path.split(separator: "/").dropLast()
                var dir = folder
                for part in parts {
                    dir += "/" + part
                    if made.insert(dir).inserted { try io.createDirectory(dir) }
                }
                try io.writeFile(folder + "/" + path, contents: contents)
            }
        } catch {
            throw CommandFailure(lines: ["kdslab: cannot write the new lab in '\(folder)': \(error.reason)"], status: 1)
        }
        io.line("Created \(folder) from the \(template.name) template (\(template.summary)):")
        for (path, _) in files { io.line("  \(path)") }
        io.line("Next: edit it (AUTHORING.md says how), then run 'kdslab lab validate \(id)'.")
        return 0
    }

    /// Lower-case letters and digits in dash-separated words: `consumer-only`, `lab-2`.
    static func isValidID(_ id: String) -> Bool {
        guard !id.isEmpty, id.count <= 64, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
