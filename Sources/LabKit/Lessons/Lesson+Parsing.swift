extension Lesson {
    /// Reads a lesson from its file name and text, or throws the first problem that stops it
    /// being one (a bad file name or no `#` title). Markdown warnings do not stop it; see
    /// ``LessonCatalog`` for how they are reported.
    public init(fileName: String, text: String) throws(LessonProblem) {
        guard let (order, id) = Self.orderAndID(fileName: fileName) else {
            throw LessonProblem(file: fileName, line: 1, column: 1,
                                message: "the file name `\(fileName)` should be a number, a dash and an id, like `03-explicit-deny.md`")
        }
        let document = MarkdownDocument(parsing: text)
        guard let title = Self.title(of: document) else {
            throw LessonProblem(file: fileName, line: 1, column: 1,
                                message: "the lesson has no title; start it with a `# Title` line")
        }
        self.init(id: id, order: order, fileName: fileName, title: title,
                  covers: Self.covers(in: document), document: document)
    }

    /// The order and id in a name like `03-explicit-deny.md`: digits, `-`, then lower-case
    /// letters, digits and dashes, then `.md`. `nil` for any other name.
    public static func orderAndID(fileName: String) -> (order: Int, id: String)? {
        guard fileName.hasSuffix(".md") else { return nil }
        let stem = fileName.dropLast(3)
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard (1...6).contains(digits.count), let order = Int(digits) else { return nil }
        let rest = stem.dropFirst(digits.count)
        guard rest.first == "-" else { return nil }
        let id = rest.dropFirst()
        let allowed = id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        guard allowed, let first = id.first, first != "-", id.last != "-" else { return nil }
        return (order, String(id))
    }

    /// The plain text of the first level-1 heading, if there is one with text.
    static func title(of document: MarkdownDocument) -> String? {
        for block in document.blocks {
            if case .heading(1, let text) = block.content {
                let title = text.plainText.trimmingSpaces()
                if !title.isEmpty { return String(title) }
            }
        }
        return nil
    }

    /// The ideas in a `covers:` comment among the comments and title at the top.
    static func covers(in document: MarkdownDocument) -> [String] {
        for block in document.blocks {
            switch block.content {
            case .comment(let text):
                guard text.hasPrefix("covers:") else { continue }
                var seen: Set<String> = []
                return text.dropFirst("covers:".count)
                    .split(whereSeparator: { $0 == "," || $0 == "\n" })
                    .map { String($0.trimmingSpaces()) }
                    .filter { !$0.isEmpty && seen.insert($0).inserted }
            case .heading(1, _):
                continue
            default:
                return []
            }
        }
        return []
    }
}
