import LabKit

/// Tab completion at the prompt: command names first, then a lab id after `start` and
/// `reset`, a lesson number or id after `read`, a command after `help`, and `explain`'s
/// words from the current lab (see `ReplCompleter+Explain.swift`).
///
/// A class: the REPL tells it the current lab before each prompt.
final class ReplCompleter {
    /// The course's lab ids.
    let labs: [String]
    /// The lessons' ids.
    let lessons: [String]
    /// The current lab, whose world `explain` completes from.
    var lab: LabDefinition?

    init(labs: [String], lessons: [String], lab: LabDefinition? = nil) {
        self.labs = labs
        self.lessons = lessons
        self.lab = lab
    }

    /// The whole words that could replace the word before `cursor` (a count of scalars).
    func candidates(_ line: String, cursor: Int) -> [String] {
        let before = String(String.UnicodeScalarView(line.unicodeScalars.prefix(cursor)))
        var words = before.split(whereSeparator: \.isWhitespace).map(String.init)
        let word = before.last.map(\.isWhitespace) ?? true ? "" : (words.popLast() ?? "")
        let pool: [String]
        if let first = words.first, ReplCommandSpec.named(first.lowercased())?.name == "explain" {
            return Self.matching(word, in: explainCandidates(after: Array(words.dropFirst())))
        }
        switch words.count {
        case 0:
            pool = ReplCommandSpec.all.map(\.name)
        case 1:
            switch ReplCommandSpec.named(words[0].lowercased())?.argument {
            case .lab: pool = labs
            case .lesson: pool = lessons.indices.map { String($0 + 1) } + lessons
            case .command: pool = ReplCommandSpec.all.map(\.name)
            default: pool = []
            }
        default:
            pool = words[0].lowercased() == "reset" ? ["--yes"] : words[0].lowercased() == "solution" ? ["--give-up"] : []
        }
        if words.count == 1, words[0].lowercased() == "solution" { return ["--give-up"].filter { $0.hasPrefix(word) } }
        return pool.filter { $0.hasPrefix(word) }
    }

    /// The words of `pool` that start with `word`; when none does as typed, those that do
    /// ignoring case (`putr` finds PutRecord).
    static func matching(_ word: String, in pool: [String]) -> [String] {
        let exact = pool.filter { $0.hasPrefix(word) }
        if !exact.isEmpty || word.isEmpty { return exact }
        return pool.filter { $0.lowercased().hasPrefix(word.lowercased()) }
    }
}
