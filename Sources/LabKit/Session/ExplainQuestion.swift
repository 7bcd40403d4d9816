/// What `explain` asks, as typed: a request, who makes it, and the context it is made in.
///
/// `explain ACTION RESOURCE [as NAME] [over http|https|fips] [via vpce-ID] [from IP]
/// [at TIME] [with KEY=VALUE …]`. Only the shape is checked here; ``LabDefinition``'s
/// `explainRequest(_:)` reads the words against the lab's world.
public struct ExplainQuestion: Sendable, Equatable {
    /// One `KEY=VALUE` of a `with` clause.
    public struct ContextPair: Sendable, Equatable {
        /// The condition key, as typed (`aws:SourceVpc`).
        public var key: String
        /// Its value, as typed.
        public var value: String

        /// Creates a pair.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The action, with or without its service prefix.
    public var action: String
    /// An ARN, `*`, or a short form (`stream/orders`, `orders`, `key/ID`).
    public var resource: String
    /// `as NAME`: a user or role (`fraud-scorer`, `role/fraud-scorer`).
    public var principal: String?
    /// `over http|https|fips`: the endpoint.
    public var over: String?
    /// `via vpce-ID`: the VPC endpoint the request comes through.
    public var via: String?
    /// `from IP`: the caller's address.
    public var from: String?
    /// `at TIME`: when the request is made.
    public var at: String?
    /// `with KEY=VALUE …`: more request context.
    public var with: [ContextPair]

    /// Creates a question.
    public init(action: String, resource: String, principal: String? = nil, over: String? = nil, via: String? = nil,
                from: String? = nil, at: String? = nil, with: [ContextPair] = []) {
        self.action = action
        self.resource = resource
        self.principal = principal
        self.over = over
        self.via = via
        self.from = from
        self.at = at
        self.with = with
    }

    /// The words that open a clause, and what each takes, in the order the usage gives them.
    public static let clauses: [(word: String, takes: String)] = [
        ("as", "NAME"), ("over", "http|https|fips"), ("via", "vpce-ID"), ("from", "IP"), ("at", "TIME"), ("with", "KEY=VALUE"),
    ]

    /// Reads the words after `explain`.
    static func parse(_ args: [String], usage: String) throws(ReplCommandError) -> ExplainQuestion {
        guard args.count >= 2 else { throw .missingArgument(command: "explain", usage: usage) }
        var question = ExplainQuestion(action: args[0], resource: args[1])
        var seen: Set<String> = []
        var i = 2
        while i < args.count {
            let word = args[i].lowercased()
            guard let clause = clauses.first(where: { $0.word == word }) else {
                throw .unexpectedArgument(command: "explain", argument: args[i], usage: usage)
            }
            guard seen.insert(word).inserted else { throw .repeatedArgument(command: "explain", argument: word, usage: usage) }
            i += 1
            guard i < args.count, !clauses.contains(where: { $0.word == args[i].lowercased() }) else {
                throw .missingValue(command: "explain", after: word, expected: clause.takes, usage: usage)
            }
            if word == "with" {
                while i < args.count, let equals = args[i].firstIndex(of: "=") {
                    let key = String(args[i][..<equals])
                    guard !key.isEmpty else { throw .unexpectedArgument(command: "explain", argument: args[i], usage: usage) }
                    question.with.append(ContextPair(key: key, value: String(args[i][args[i].index(after: equals)...])))
                    i += 1
                }
                if question.with.isEmpty { throw .missingValue(command: "explain", after: word, expected: clause.takes, usage: usage) }
                continue
            }
            let value = args[i]
            switch word {
            case "as": question.principal = value
            case "over": question.over = value
            case "via": question.via = value
            case "from": question.from = value
            default: question.at = value
            }
            i += 1
        }
        return question
    }
}
