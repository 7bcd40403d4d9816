/// A command's name, usage line and one-line summary, for parsing, help and completion.
public struct ReplCommandSpec: Sendable, Equatable {
    /// The name typed at the prompt.
    public var name: String
    /// How it is typed: `explain ACTION RESOURCE [as NAME] …`.
    public var usage: String
    /// What it does, in a few words.
    public var summary: String
    /// What its first argument is, for completion.
    public var argument: Argument
    /// More for `help COMMAND`: the command's clauses and an example (may be empty).
    public var details: String = ""
    /// A shorter usage for the list `help` shows, when the full one is long.
    public var listedUsage: String?

    /// What a command's first argument names.
    public enum Argument: Sendable, Equatable {
        case none, lab, lesson, command
    }

    /// Every command, in the order `help` lists them.
    public static let all: [ReplCommandSpec] = [
        .init(name: "help", usage: "help [COMMAND]", summary: "List the commands, or explain one", argument: .command),
        .init(name: "lessons", usage: "lessons", summary: "List the lessons", argument: .none),
        .init(name: "read", usage: "read N|LESSON", summary: "Read a lesson, by number or id", argument: .lesson),
        .init(name: "labs", usage: "labs", summary: "List the labs and where you stand", argument: .none),
        .init(name: "next", usage: "next", summary: "What to do next: the lab after the one you passed last, and its lesson",
              argument: .none),
        .init(name: "start", usage: "start N|LAB",
              summary: "Work on a lab, by number or id: shows its prompt and your draft's path; a quiz asks its questions one at a time",
              argument: .lab,
              details: "In a quiz lab, `start` asks each question in turn: type the letter of your choice (or allowed, "
                + "explicit deny or implicit deny for a prediction) and the verdict comes at once. Each answer is saved "
                + "in your draft, the answers file. An empty line or `stop` leaves the quiz (so does typing a command); "
                + "`start` again goes on where you stopped, and once every question has an answer, asks the ones not "
                + "right. `check` grades the answers so far, `submit` records them."),
        .init(name: "show", usage: "show", summary: "Show the current lab's prompt and your draft", argument: .none),
        .init(name: "edit", usage: "edit", summary: "Open your draft in $VISUAL or $EDITOR", argument: .none),
        .init(name: "paste", usage: "paste", summary: "Type or paste a new draft; end with a line holding only . or Ctrl-D",
              argument: .none),
        .init(name: "check", usage: "check", summary: "Grade your draft without recording it", argument: .none),
        .init(name: "submit", usage: "submit", summary: "Grade your draft and record the attempt", argument: .none),
        .init(name: "hint", usage: "hint", summary: "The next hint for the first failing check", argument: .none),
        .init(name: "explain", usage: "explain ACTION RESOURCE [as NAME] [over http|https|fips] [via vpce-ID] [from IP] [at TIME] [with KEY=VALUE …]",
              summary: "Decide one request against your draft and say why, in the context you set (`help explain`)",
              argument: .none,
              details: "ACTION is kinesis:PutRecord, PutRecord (Kinesis) or kms:Decrypt; RESOURCE an ARN, `*`, "
                + "stream/NAME, key/ID or alias/NAME of the lab's world. The clauses set who asks and the request "
                + "context: `as fraud-scorer` (a user or role of the lab, or role/NAME), `over http` (aws:SecureTransport "
                + "false) or `over https`, `via vpce-0a1b2c3d4e5f67890` (aws:SourceVpce), `from 198.51.100.7` "
                + "(aws:SourceIp), `at 2026-03-01T12:00:00Z` (aws:CurrentTime), `with aws:SourceVpc=vpc-1 …` (any other "
                + "key). Tab completes actions, the world's resources and principals. Example: "
                + "explain PutRecord stream/fraud-alerts as fraud-scorer over http",
              listedUsage: "explain ACTION RESOURCE [as NAME] …"),
        .init(name: "diff", usage: "diff", summary: "After passing: what your draft and the reference solution allow differently, to every principal", argument: .none),
        .init(name: "solution", usage: "solution [--give-up]",
              summary: "The reference solution (after passing, or give up with --give-up)", argument: .none),
        .init(name: "run", usage: "run", summary: "Run the lab's workload against your draft, call by call", argument: .none),
        .init(name: "progress", usage: "progress", summary: "Every lab's status, best score and hints", argument: .none),
        .init(name: "reset", usage: "reset [LAB] [--yes]",
              summary: "Forget a lab's progress; your draft is set aside and the starter becomes your draft", argument: .lab),
        .init(name: "glossary", usage: "glossary [WORD]", summary: "The course's words, or what one means (an action name too)",
              argument: .none),
        .init(name: "cheatsheet", usage: "cheatsheet [ROLE|ACTION]",
              summary: "Kinesis and KMS actions by role, with their resource types and the *-only ones", argument: .none),
        .init(name: "quit", usage: "quit", summary: "Leave (everything is saved; Ctrl-D too)", argument: .none),
    ]

    /// Other words accepted for a command.
    static let aliases: [String: String] = ["exit": "quit", "?": "help", "q": "quit"]

    /// The command typed as `name` (lower case), if any.
    public static func named(_ name: String) -> ReplCommandSpec? {
        let resolved = aliases[name] ?? name
        return all.first { $0.name == resolved }
    }

    /// The command `name` was probably meant to be: one that starts with it when only one
    /// does, else the nearest by edit distance (at most 2 edits).
    public static func suggestion(for name: String) -> String? {
        let prefixed = all.filter { $0.name.hasPrefix(name) }
        if !name.isEmpty, prefixed.count == 1 { return prefixed[0].name }
        let scored = all.map { ($0.name, editDistance(name, $0.name)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance over characters, with adjacent swaps counting as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}

extension ReplCommandSpec {
    /// The word of `words` nearest to `word` (at most 2 edits, or the only one it starts),
    /// for "did you mean" on lab ids and lesson names.
    public static func closest(_ word: String, in words: [String]) -> String? {
        let prefixed = words.filter { $0.hasPrefix(word) }
        if !word.isEmpty, prefixed.count == 1 { return prefixed[0] }
        return words.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }
}
