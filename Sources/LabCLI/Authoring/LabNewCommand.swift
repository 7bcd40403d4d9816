import Foundation
import LabKit
/// `kdslab lab new ID [--from TEMPLATE] [--course DIR | --labs DIR]`: makes `labs/ID/` from a
/// template built into kdslab (``LabTemplate``), ready to validate and to edit.
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
        let parsed = try ArgumentScanner(command: Self.name, options: [.value("--from"), .value("--labs"), .value("--course")]).scan(arguments)
        guard parsed.positionals.count == 1, let id = parsed.positionals.first else {
            throw .usage(parsed.positionals.isEmpty ? "give the new lab's id, e.g. kdslab lab new consumer-only"
                                                    : "give one lab id, not \(parsed.positionals.count)", command: Self.name)
        }
        guard CourseManifest.isValidID(id) else {
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
            let location = try CourseLocator(courseFlag: parsed.value("--course")).locate(io: io)
            guard !location.isBuiltIn else {
                throw .usage("no course folder here to add a lab to (the course built into kdslab cannot be changed); run this "
                             + "inside a course folder, give --course DIR or --labs DIR, or make a course with `kdslab course new ID`",
                             command: Self.name)
            }
            labs = location.labs
        }
        let folder = labs + "/" + id
        if io.isDirectory(folder) || (try? io.readFile(folder, limit: 1)) != nil {
            throw .usage("'\(folder)' already exists; kdslab lab new never overwrites a lab (choose another id)")
        }
        let content = CourseLocator.parent(of: labs) + "/content"
        let lessons = CourseLoader(io: io).loadLessons(io.isDirectory(content) ? content : nil).lessons.map(\.id)
        let files = Self.files(of: template, id: id, lessons: lessons)
        do {
            try Self.write(files, into: folder, io: io)
        } catch {
            throw CommandFailure(lines: ["kdslab: cannot write the new lab in '\(folder)': \(error.reason)"], status: 1)
        }
        io.line("Created \(folder) from the \(template.name) template (\(template.summary)):")
        for (path, _) in files { io.line("  \(path)") }
        addToCourseOrder(id, manifest: CourseLocator.parent(of: labs) + "/" + CourseManifest.fileName)
        io.line("Next: edit it (AUTHORING.md says how), then run 'kdslab lab validate \(id)'.")
        return 0
    }

    /// Adds `id` to the `labs` list of the course's `course.json` at `path`, when it has one
    /// (else the course orders labs by their `order`, and there is nothing to do).
    private func addToCourseOrder(_ id: String, manifest path: String) {
        guard let bytes = try? io.readFile(path, limit: CourseLoader.fileLimit), case .success(let text) = UTF8Text.decode(bytes),
              let changed = CourseManifest.addingLab(id, to: text), changed != text else { return }
        do {
            try io.writeFile(path, contents: changed)
            io.line("Added `\(id)` to the end of the course's `labs` in \(path); move it to its place in the course.")
        } catch {
            io.errorLine("kdslab: warning: could not add `\(id)` to `labs` in \(path) (\(error.reason)); add it yourself")
        }
    }

    /// The template's files for lab `id`. The templates name one of kdslab's own lessons; in
    /// a course without it they name the course's first lesson of `lessons` instead (or none,
    /// which validate reports as a warning).
    static func files(of template: LabTemplate, id: String, lessons: [String]) -> [(path: String, contents: String)] {
        var files = template.files(id: id)
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
        return files
    }

    /// Creates `folder` and writes `files` into it, making their subfolders.
    static func write(_ files: [(path: String, contents: String)], into folder: String, io: CommandIO) throws(WriteFailure) {
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
    }

    /// Lower-case letters and digits in dash-separated words: `consumer-only`, `lab-2`.
    static func isValidID(_ id: String) -> Bool {
        CourseManifest.isValidID(id)
    }
}
