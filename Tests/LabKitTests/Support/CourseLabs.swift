import Foundation
import LabKit

/// Loads the course's own labs from the repository's `labs/` folder.
enum CourseLabs {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("labs")
    }

    /// The ids of every lab in the course.
    static var ids: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent("lab.json").path) }
            .sorted()
    }

    static func files(_ id: String) -> LabFiles {
        let dir = root.appendingPathComponent(id)
        func read(_ name: String) -> String? { try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) }
        var mutants: [(name: String, text: String, expect: String?)] = []
        let mutantDir = dir.appendingPathComponent("mutants")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: mutantDir.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".json") {
            let base = String(name.dropLast(5))
            if let text = read("mutants/\(name)") { mutants.append((base, text, read("mutants/\(base).expect"))) }
        }
        var variants: [(name: String, text: String)] = []
        let variantDir = dir.appendingPathComponent("variants")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: variantDir.path)) ?? []).sorted() where name.hasSuffix(".json") {
            if let text = read("variants/\(name)") { variants.append((String(name.dropLast(5)), text)) }
        }
        return LabFiles(folderName: id, definition: read("lab.json"), prompt: read("prompt.md"), starter: read("starter.json"),
                        solution: read("solution.json"), mutants: mutants, variants: variants)
    }

    static func lab(_ id: String) throws -> Lab {
        let (lab, problems) = LabLoader().load(files(id))
        guard let lab else { throw LoadFailure(problems: problems) }
        return lab
    }

    struct LoadFailure: Error, CustomStringConvertible {
        var problems: [LabProblem]
        var description: String { problems.map(\.description).joined(separator: "\n") }
    }
}

/// A policy document with the given statements, as learners write them.
func policy(_ statements: String...) -> String {
    "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + statements.joined(separator: ",\n") + "\n  ]\n}\n"
}

/// One Allow statement.
func allow(_ actions: [String], _ resources: [String], sid: String? = nil) -> String {
    let a = actions.map { "\"\($0)\"" }.joined(separator: ", ")
    let r = resources.map { "\"\($0)\"" }.joined(separator: ", ")
    return "    {\(sid.map { "\"Sid\": \"\($0)\", " } ?? "")\"Effect\": \"Allow\", \"Action\": [\(a)], \"Resource\": [\(r)]}"
}
