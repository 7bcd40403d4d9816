import IAMPolicy

extension ProgressEvent {
    /// The event's members for a log line, in a fixed order, starting with `event`.
    /// (The store puts the hash chain's `prev` in front.)
    public var jsonMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("event", .string(name)), ("lab", .string(lab)), ("at", .string(at.iso8601)),
        ]
        if case .attempt(let a) = self {
            members += [
                ("score", .number(a.score)), ("maxScore", .number(a.maxScore)), ("passed", .bool(a.passed)),
                ("submissionSHA256", .string(a.submissionSHA256)), ("hintsUsed", .number(a.hintsUsed)),
            ]
        }
        return members
    }

    /// Reads an event from a log line's object (members other than the event's are ignored).
    public init(json value: JSONValue) throws(ProgressFormatError) {
        let f = try JSONFields(value, path: "")
        let lab = try f.string("lab")
        let at = try f.time("at")
        switch try f.string("event") {
        case "attempt":
            self = .attempt(Attempt(
                lab: lab, at: at, score: try f.int("score"), maxScore: try f.int("maxScore"),
                passed: try f.bool("passed"), submissionSHA256: try f.string("submissionSHA256"),
                hintsUsed: try f.optionalInt("hintsUsed") ?? 0))
        case "hint": self = .hint(lab: lab, at: at)
        case "gaveUp": self = .gaveUp(lab: lab, at: at)
        case "reset": self = .reset(lab: lab, at: at)
        default: throw .wrongShape(path: "event", expected: "attempt, hint, gaveUp or reset")
        }
    }

    /// Reads an event from one log line's text.
    public init(jsonText text: String) throws(ProgressFormatError) {
        try self.init(json: JSONFields.read(text))
    }
}
