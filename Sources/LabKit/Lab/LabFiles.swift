/// The texts of a lab folder, as the CLI read them: `lab.json`, `prompt.md`, `starter.json`,
/// `solution.json` and `mutants/*.json` (+ `.expect`). A missing file is `nil`; a file that
/// is there but cannot be read (not a regular file, too large, not UTF-8) is `nil` too, and
/// its problem is in `unreadable`.
public struct LabFiles: Sendable {
    /// The folder's name, which is the lab's id.
    public var folderName: String
    /// `lab.json`.
    public var definition: String?
    /// `prompt.md`.
    public var prompt: String?
    /// `starter.json`.
    public var starter: String?
    /// `solution.json`.
    public var solution: String?
    /// `mutants/NAME.json` texts by name, with their `mutants/NAME.expect` texts.
    public var mutants: [(name: String, text: String, expect: String?)]
    /// `variants/NAME.json` texts by name: other correct answers.
    public var variants: [(name: String, text: String)]
    /// The files that are there but could not be read, each as an error naming the file
    /// (relative to the lab folder) and why.
    public var unreadable: [LabProblem]

    /// Creates the file set.
    public init(folderName: String, definition: String?, prompt: String?, starter: String?, solution: String?,
                mutants: [(name: String, text: String, expect: String?)] = [], variants: [(name: String, text: String)] = [],
                unreadable: [LabProblem] = []) {
        self.folderName = folderName
        self.definition = definition
        self.prompt = prompt
        self.starter = starter
        self.solution = solution
        self.mutants = mutants
        self.variants = variants
        self.unreadable = unreadable
    }
}
