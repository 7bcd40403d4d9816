import Foundation
import IAMPolicy

/// Turns a lab folder's texts into a ``Lab``, reporting every problem it finds with file,
/// line and column. The lab is returned only when there is no error.
///
/// It checks the file's shape and its references: principals, streams and keys the checks
/// name must be in the world; actions must exist in the catalog; the world's own policies
/// must parse; `knownLessons`, when given, must contain every lesson the lab names, and
/// `lessonSections`, when given, every section a quiz question points at.
public struct LabLoader: Sendable {
    /// The lesson ids that exist, or `nil` not to check.
    public var knownLessons: Set<String>?
    /// Each lesson's section titles by lesson id, or `nil` not to check quiz questions'
    /// `section`s.
    public var lessonSections: [String: [String]]?

    /// Creates a loader.
    public init(knownLessons: Set<String>? = nil, lessonSections: [String: [String]]? = nil) {
        self.knownLessons = knownLessons
        self.lessonSections = lessonSections
    }

    /// The current (and only) format of `lab.json`.
    public static let formatVersion = 1

    /// Loads a lab; `lab` is `nil` when any problem is an error.
    public func load(_ files: LabFiles) -> (lab: Lab?, problems: [LabProblem]) {
        // A file that is there but cannot be read is reported as such, never as missing.
        var problems = files.unreadable
        let unreadable = Set(files.unreadable.map(\.file))
        guard let text = files.definition else {
            if unreadable.contains("lab.json") { return (nil, problems) }
            return (nil, problems + [LabProblem(file: "lab.json", message: "the lab has no lab.json")])
        }
        let json: JSONValue
        do {
            json = try JSONReader(limits: .init(maxBytes: 1_048_576, maxDepth: 64)).read(text)
        } catch {
            return (nil, [LabProblem(file: "lab.json", line: error.position.line, column: error.position.column,
                                     message: error.message)])
        }
        var decoder = _LabDecoder(reader: _LabReader(file: "lab.json"), folderName: files.folderName,
                                  knownLessons: knownLessons, lessonSections: lessonSections)
        let definition = decoder.definition(json)
        problems += decoder.reader.problems

        for (name, value) in [("prompt.md", files.prompt), ("starter.json", files.starter), ("solution.json", files.solution)]
        where value == nil && !unreadable.contains(name) {
            problems.append(LabProblem(file: name, message: "the lab has no \(name)"))
        }
        var mutants: [Lab.Mutant] = []
        for m in files.mutants {
            let file = "mutants/\(m.name).expect"
            guard let expect = m.expect else {
                if unreadable.contains(file) { continue }
                problems.append(LabProblem(file: "mutants/\(m.name).json",
                    message: "mutant `\(m.name)` has no \(file) naming the checks it must fail"))
                continue
            }
            var expectations: [Lab.Mutant.Expectation] = []
            for (i, raw) in expect.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                let parts = line.split(separator: ":", maxSplits: 1)
                let id = parts[0].trimmingCharacters(in: .whitespaces)
                let mentions = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
                if let d = definition, !d.checks.contains(where: { $0.id == id }) {
                    problems.append(LabProblem(file: file, line: i + 1, column: 1, message: "no check has the id `\(id)`"))
                }
                expectations.append(Lab.Mutant.Expectation(checkId: id, mentions: mentions?.isEmpty == true ? nil : mentions,
                                                                 line: i + 1))
            }
            if expectations.isEmpty {
                problems.append(LabProblem(file: file, message: "\(file) names no check the mutant must fail"))
            }
            mutants.append(Lab.Mutant(name: m.name, text: m.text, expectations: expectations))
        }
        let variants = files.variants.map { Lab.Variant(name: $0.name, text: $0.text) }
        guard let definition, !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        let lab = Lab(definition: definition, prompt: files.prompt ?? "", starter: files.starter ?? "",
                      solution: files.solution ?? "", mutants: mutants, variants: variants)
        return (lab, problems)
    }
}
