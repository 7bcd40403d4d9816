import Testing
@testable import IAMPolicy

@Suite("Glob")
struct GlobTests {
    static let cases: [(pattern: String, text: String, matches: Bool)] = [
        ("", "", true), ("", "a", false), ("*", "", true), ("*", "anything", true), ("**", "", true),
        ("?", "", false), ("?", "a", true), ("?", "ab", false), ("??", "ab", true),
        ("a*", "a", true), ("*a", "a", true), ("*a*", "a", true), ("a*b", "ab", true), ("a*b", "axxb", true),
        ("a*b", "axxbc", false), ("a*b*c", "abbbc", true), ("a*b*c", "acb", false),
        ("*ab", "aab", true), ("*aab", "aaab", true), ("*abc", "ababc", true), ("a*a*a", "aa", false), ("a*a*a", "aaa", true),
        ("*?", "", false), ("*?", "x", true), ("?*?", "x", false), ("?*?", "xy", true),
        ("kinesis:*", "kinesis:", true), ("kinesis:*", "kinesisanalytics:x", false),
        ("arn:aws:kinesis:*:111122223333:stream/*", "arn:aws:kinesis:us-east-1:111122223333:stream/a/consumer/c:1", true),
        ("stream/orders", "stream/orders2", false), ("stream/orders*", "stream/orders", true),
        ("Stream", "stream", false), ("é?", "éa", true), ("?", "é", true), ("??", "é", false), ("*é", "aé", true),
        ("a?c", "a€c", true), ("*.*", "x.y.z", true), ("*x", "yyyyyyx", true), ("*x", "yyyyyyxy", false),
    ]

    @Test("wildcard matching: star any run including none, question mark exactly one character",
          arguments: cases.indices)
    func matchesAsIAMDoes(_ i: Int) {
        let c = Self.cases[i]
        #expect(Glob.matches(c.pattern, c.text) == c.matches, "\(c.pattern) vs \(c.text)")
        // Agrees with the naive recursive definition.
        #expect(Self.naive(Array(c.pattern.unicodeScalars), Array(c.text.unicodeScalars)) == c.matches)
    }

    @Test("case-insensitive matching folds ASCII letters on both sides")
    func caseInsensitive() {
        #expect(Glob.matches("KINESIS:get*", "kinesis:GetRecords", caseInsensitive: true))
        #expect(!Glob.matches("KINESIS:get*", "kinesis:GetRecords"))
        #expect(Glob.matches("a?C", "AbC", caseInsensitive: true))
    }

    @Test("the adversarial pattern of 100 stars separated by a, against 10 KB of a ending in b")
    func adversarialPatternGivesTheRightAnswer() {
        let text = String(repeating: "a", count: 10_239) + "b"
        let endsInStar = Array(repeating: "*", count: 100).joined(separator: "a")
        let endsInA = endsInStar + "a"
        let endsInB = endsInStar + "b"
        #expect(Glob.matches(endsInStar, text))
        #expect(!Glob.matches(endsInA, text))
        #expect(Glob.matches(endsInB, text))
        #expect(!Glob.matches(endsInB + "c", text))
        // Fewer a's in the text than literal a's in the pattern: no match.
        #expect(!Glob.matches(endsInStar, String(repeating: "a", count: 98) + "b"))
        #expect(Glob.matches(endsInStar, String(repeating: "a", count: 99)))
    }

    @Test("hasWildcard sees star and question mark only")
    func hasWildcard() {
        #expect(Glob.hasWildcard("a*"))
        #expect(Glob.hasWildcard("a?"))
        #expect(!Glob.hasWildcard("a[b]$"))
    }

    @Test("seeded random patterns agree with the naive recursive matcher")
    func randomAgreesWithNaive() {
        var rng = SeededGenerator(seed: 0x61_6c_6f_62)
        let alphabet: [Character] = ["a", "b", "*", "?", ":"]
        for _ in 0..<5_000 {
            let pattern = String((0..<Int.random(in: 0...7, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let text = String((0..<Int.random(in: 0...9, using: &rng)).map { _ in ["a", "b", ":"].randomElement(using: &rng)! as Character })
            let expected = Self.naive(Array(pattern.unicodeScalars), Array(text.unicodeScalars))
            #expect(Glob.matches(pattern, text) == expected, "\(pattern) vs \(text)")
        }
    }

    /// The definition, by recursion (exponential; fine for short inputs).
    static func naive(_ p: [Unicode.Scalar], _ t: [Unicode.Scalar]) -> Bool {
        guard let first = p.first else { return t.isEmpty }
        switch first {
        case "*":
            return (0...t.count).contains { naive(Array(p.dropFirst()), Array(t.dropFirst($0))) }
        case "?":
            return !t.isEmpty && naive(Array(p.dropFirst()), Array(t.dropFirst()))
        default:
            return t.first == first && naive(Array(p.dropFirst()), Array(t.dropFirst()))
        }
    }
}
