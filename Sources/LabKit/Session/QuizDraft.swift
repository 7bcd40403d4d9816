import IAMPolicy

/// A quiz lab's draft: the answers file, a JSON object from question id to answer
/// (`{"q1": "b", "q2": "explicit deny"}`), read so it can be graded and added to.
///
/// The members keep the file's order; setting an answer changes it in place (or adds it at
/// the end), and ``text`` writes the file again, two-space indented.
public struct QuizDraft: Sendable, Equatable {
    /// One `"id": "answer"` member and where its answer is written.
    public struct Entry: Sendable, Equatable {
        /// The question's id.
        public var id: String
        /// The answer as written.
        public var answer: String
        /// The 1-based line and column of the answer (0 once changed).
        public var line: Int
        public var column: Int
    }

    /// The members, in the file's order.
    public private(set) var entries: [Entry]

    /// A draft with `entries`.
    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Reads an answers file; the error says what is wrong and where.
    public init(parsing text: String) throws(SubmissionError) {
        let json: JSONValue
        do {
            json = try JSONReader().read(text)
        } catch {
            throw SubmissionError(message: error.message, line: error.position.line, column: error.position.column)
        }
        guard let members = json.members else {
            throw SubmissionError(message: "answers must be a JSON object from question id to answer",
                                  line: json.range.start.line, column: json.range.start.column)
        }
        var entries: [Entry] = []
        for m in members {
            guard let s = m.value.stringValue else {
                throw SubmissionError(message: "the answer to `\(m.key)` must be a string: a choice such as \"b\", or a decision such as \"allowed\"",
                                      line: m.value.range.start.line, column: m.value.range.start.column)
            }
            entries.append(Entry(id: m.key, answer: s, line: m.value.range.start.line, column: m.value.range.start.column))
        }
        self.entries = entries
    }

    /// The answer to question `id` (the last one written, as grading reads it).
    public subscript(id: String) -> String? {
        entries.last { $0.id == id }?.answer
    }

    /// Writes `answer` as the answer to `id`: in place of every answer it had, or at the end.
    public mutating func set(_ answer: String, for id: String) {
        var found = false
        for i in entries.indices where entries[i].id == id {
            entries[i] = Entry(id: id, answer: answer, line: 0, column: 0)
            found = true
        }
        if !found { entries.append(Entry(id: id, answer: answer, line: 0, column: 0)) }
    }

    /// The file's text: pretty JSON ending with a newline.
    public var text: String {
        JSONWriter.string(.object(entries.map { ($0.id, .string($0.answer)) }), pretty: true) + "\n"
    }
}
