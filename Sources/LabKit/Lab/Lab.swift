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
    /// Other correct answers (`variants/NAME.json`): each must pass every check.
    public var variants: [Variant]

    /// Another correct answer shipped with a lab.
    public struct Variant: Sendable, Equatable {
        /// Its file's name without `.json`.
        public var name: String
        /// The submission.
        public var text: String

        /// Creates a variant.
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// A known-bad submission shipped with a lab.
    public struct Mutant: Sendable, Equatable {
        /// Its file's name without `.json`.
        public var name: String
        /// The submission.
        public var text: String
        /// What it must do, from `mutants/NAME.expect`: one line per check it must fail,
        /// `CHECK_ID` or `CHECK_ID: words the failure's message must contain` (so a lab
        /// proves its feedback names the problem). `#` starts a comment line.
        public var expectations: [Expectation]

        /// One line of an `.expect` file.
        public struct Expectation: Sendable, Equatable {
            /// The check that must fail.
            public var checkId: String
            /// Words the failure's message (or its details) must contain, if given.
            public var mentions: String?
            /// Its 1-based line in the `.expect` file (0 when not read from one).
            public var line: Int

            /// Creates an expectation.
            public init(checkId: String, mentions: String? = nil, line: Int = 0) {
                self.checkId = checkId
                self.mentions = mentions
                self.line = line
            }
        }

        /// The ids of the checks it must fail.
        public var mustFail: [String] { expectations.map(\.checkId) }

        /// Creates a mutant.
        public init(name: String, text: String, expectations: [Expectation]) {
            self.name = name
            self.text = text
            self.expectations = expectations
        }
    }

    /// Creates a lab.
    public init(definition: LabDefinition, prompt: String, starter: String, solution: String, mutants: [Mutant] = [],
                variants: [Variant] = []) {
        self.definition = definition
        self.prompt = prompt
        self.starter = starter
        self.solution = solution
        self.mutants = mutants
        self.variants = variants
    }

    /// The lab's id.
    public var id: String { definition.id }
}
