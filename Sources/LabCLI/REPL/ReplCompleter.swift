import LabKit

/// Tab completion at the prompt: command names first, then a lab id after `start` and
/// `reset`, a lesson number or id after `read`, a command after `help`.
struct ReplCompleter {
    /// The course's lab ids.
    var labs: [String]
    /// The lessons' ids.
    var lessons: [String]

    /// The whole words that could replace the word before `cursor` (a count of scalars).
    func candidates(_ line: String, cursor: Int) -> [String] {
        let before = String(String.UnicodeScalarView(line.unicodeScalars.prefix(cursor)))
        var words = before.split(whereSeparator: \.isWhitespace).map(String.init)
        let word = before.last.map(\.isWhitespace) ?? true ? "" : (words.popLast() ?? "")
        let pool: [String]
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
}
