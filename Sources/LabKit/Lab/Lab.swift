/// A lab with its files: the definition, the prompt, the starter, the reference solution and
/// any known-bad submissions (mutants) it ships.
///
/// Built by ``LabLoader`` from texts the CLI reads; holds no paths of its own.
public struct Lab: Sendable {
    /// What `lab.json` defines.
    public var definition: LabDefinition
    /// The Markdown prompt (`prompt.md`).
    public var prompt: String
    /// What the learner starts from (`starter.json`).
    public var starter: String
    /// The reference solution (`solution.json`).
    public var solution: String
    /// Known-bad submissions (`mutants/NAME.json`) and the check ids each must fail.
    public var mutants: [Mutant]

    /// A known-bad submission shipped with a lab.
    public struct Mutant: Sendable, Equatable {
        /// Its file's name without `.json`.
        public var name: String
        /// The submission.
        public var text: String
        /// The checks it must fail (from a `"//mustFail"`-free sidecar: `mutants/NAME.expect`
        /// holds one check id per line).
        public var mustFail: [String]

        /// Creates a mutant.
        public init(name: String, text: String, mustFail: [String]) {
            self.name = name
            self.text = text
            self.mustFail = mustFail
        }
    }

    /// Creates a lab.
    public init(definition: LabDefinition, prompt: String, starter: String, solution: String, mutants: [Mutant] = []) {
        self.definition = definition
        self.prompt = prompt
        self.starter = starter
        self.solution = solution
        self.mutants = mutants
    }

    /// The lab's id.
    public var id: String { definition.id }
}
