import IAMPolicy

/// What is wrong with pasted text before it becomes the learner's draft: characters a word
/// processor or a web page put in place of JSON's own, and JSON syntax errors.
public enum PasteCheck {
    /// A kind of typographic character JSON does not take.
    public enum Kind: Sendable, Equatable, CaseIterable {
        /// `“` `”` `„` (and `″`): in place of `"`.
        case typographicDoubleQuotes
        /// `‘` `’` `‚` (and `′`): in place of `'`.
        case typographicSingleQuotes
        /// U+00A0, U+2007, U+202F: in place of a space.
        case nonBreakingSpaces

        /// The characters of this kind.
        public var characters: Set<Unicode.Scalar> {
            switch self {
            case .typographicDoubleQuotes: ["\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}"]
            case .typographicSingleQuotes: ["\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}"]
            case .nonBreakingSpaces: ["\u{00A0}", "\u{2007}", "\u{202F}"]
            }
        }

        /// What each character is replaced with.
        public var replacement: Unicode.Scalar {
            switch self {
            case .typographicDoubleQuotes: "\""
            case .typographicSingleQuotes: "'"
            case .nonBreakingSpaces: " "
            }
        }

        /// What to tell the learner.
        public var advice: String {
            switch self {
            case .typographicDoubleQuotes: "these are typographic quotes (“ ”): use straight double quotes (\")"
            case .typographicSingleQuotes: "these are typographic apostrophes (‘ ’): JSON strings take straight double quotes (\")"
            case .nonBreakingSpaces: "these are non-breaking spaces: use plain spaces"
            }
        }
    }

    /// The first place a kind of typographic character occurs, and how many there are.
    public struct Finding: Sendable, Equatable {
        /// The kind.
        public var kind: Kind
        /// The 1-based line of the first one.
        public var line: Int
        /// The 1-based column (in Unicode scalars) of the first one.
        public var column: Int
        /// How many of this kind the text holds.
        public var count: Int

        /// Creates a finding.
        public init(kind: Kind, line: Int, column: Int, count: Int) {
            self.kind = kind
            self.line = line
            self.column = column
            self.count = count
        }
    }

    /// Each kind of typographic character in `text`, in the order of ``Kind``, with where
    /// it first occurs.
    public static func typographic(in text: String) -> [Finding] {
        var found: [Kind: Finding] = [:]
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if let kind = Kind.allCases.first(where: { $0.characters.contains(scalar) }) {
                if found[kind] == nil {
                    found[kind] = Finding(kind: kind, line: line, column: column, count: 0)
                }
                found[kind]?.count += 1
            }
            column += 1
        }
        return Kind.allCases.compactMap { found[$0] }
    }

    /// `text` with every typographic character replaced by its plain one. Tabs and
    /// everything else are kept.
    public static func straightened(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(Kind.allCases.first { $0.characters.contains(scalar) }?.replacement ?? scalar)
        }
        return String(out)
    }

    /// Why `text` is not JSON, with its position; `nil` when it is.
    public static func jsonError(in text: String) -> JSONReadError? {
        do {
            _ = try JSONReader().read(text)
            return nil
        } catch {
            return error
        }
    }
}
