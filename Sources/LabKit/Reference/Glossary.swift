import IAMPolicy

/// The course's glossary: the words a learner meets, each in a sentence or two, with the
/// lessons that teach it. `glossary` in the REPL searches it.
///
/// Action names are not written out here: ``lookUp(_:)`` answers them from the bundled
/// action catalog, so what it says about an action is what the grader uses.
public struct Glossary: Sendable, Equatable {
    /// One term.
    public struct Entry: Sendable, Equatable {
        /// The term as it is usually written (`ARN`, `enhanced fan-out`).
        public var term: String
        /// Other spellings and expansions a learner may type (`Amazon Resource Name`).
        public var aliases: [String]
        /// What it means, in the course's words.
        public var definition: String
        /// The lessons that teach it, by number.
        public var lessons: [Int]

        /// Creates an entry.
        public init(term: String, aliases: [String] = [], definition: String, lessons: [Int] = []) {
            self.term = term
            self.aliases = aliases
            self.definition = definition
            self.lessons = lessons
        }

        /// Whether `word` names this entry: its term or an alias, ignoring case.
        func isNamed(by word: String) -> Bool {
            ([term] + aliases).contains { $0.lowercased() == word }
        }

        /// Whether `word` appears in the term, an alias or the definition, ignoring case.
        func mentions(_ word: String) -> Bool {
            ([term, definition] + aliases).contains { $0.lowercased().contains(word) }
        }
    }

    /// The entries, sorted by term (ignoring case).
    public var entries: [Entry]

    /// A glossary of `entries`.
    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.term.lowercased() < $1.term.lowercased() }
    }

    /// The course's glossary.
    public static let course = Glossary(entries: courseEntries)

    /// What the glossary says about `query`.
    public enum Answer: Sendable, Equatable {
        /// Entries whose term or alias is `query`, then those that mention it.
        case entries([Entry])
        /// `query` is an action of the bundled catalog.
        case action(ActionDefinition)
        /// Nothing: the closest term, if one is near.
        case nothing(suggestion: String?)
    }

    /// Looks `query` up: an exact term or alias first, then every entry that mentions it; an
    /// action name (`PutRecord`, `kinesis:PutRecord`) is answered from the action catalog.
    public func lookUp(_ query: String, catalog: ServiceCatalog = .aws) -> Answer {
        let word = query.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        let named = entries.filter { $0.isNamed(by: word) }
        if !named.isEmpty { return .entries(named) }
        if let action = Self.action(named: word, in: catalog) { return .action(action) }
        let mentioning = entries.filter { $0.mentions(word) }
        if !mentioning.isEmpty { return .entries(mentioning) }
        let words = entries.flatMap { [$0.term.lowercased()] + $0.aliases.map { $0.lowercased() } }
        return .nothing(suggestion: ReplCommandSpec.closest(word, in: words))
    }

    /// The catalog action `word` names: `service:Action`, or a Kinesis or KMS action's bare
    /// name (Kinesis first), ignoring case.
    static func action(named word: String, in catalog: ServiceCatalog) -> ActionDefinition? {
        if word.contains(":") { return catalog.action(word) }
        return catalog.action("kinesis:" + word) ?? catalog.action("kms:" + word)
    }
}
