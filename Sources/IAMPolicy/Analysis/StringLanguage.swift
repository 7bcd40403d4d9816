/// A regular language of strings written as a sequence of steps: each step is one byte from
/// a set, or any run (none included) of bytes from a set.
///
/// Every string question of the analysis is one of these: an IAM glob (`*` is a run of any
/// byte, `?` one byte), an `ArnLike` pattern (wildcards stay inside one ARN component), an
/// exact or case-folded string, and the shape of a resource (`arn:aws:kinesis:REGION:
/// ACCOUNT:stream/NAME`, with a character class for each placeholder).
struct StringLanguage: Hashable, Sendable {
    /// One step of the sequence.
    enum Step: Hashable, Sendable {
        /// Exactly one byte from the set.
        case one(ByteSet)
        /// Zero or more bytes from the set.
        case run(ByteSet)
    }

    var steps: [Step]

    init(_ steps: [Step]) { self.steps = steps }

    /// Exactly `text`; with `caseInsensitive`, ASCII letters match either case.
    static func literal(_ text: String, caseInsensitive: Bool = false) -> StringLanguage {
        StringLanguage(text.utf8.map { .one(caseInsensitive ? folded($0) : ByteSet([$0])) })
    }

    /// An IAM glob: `*` any run, `?` any one byte; wildcards never match a byte of `excluded`.
    static func glob(_ text: String, caseInsensitive: Bool = false, excluded: ByteSet = ByteSet()) -> StringLanguage {
        StringLanguage(globTokens: Glob.compile(text), caseInsensitive: caseInsensitive, excluded: excluded)
    }

    /// What `ArnLike`/`ArnEquals` accept for `pattern`, as the evaluator decides it: a pattern
    /// of six components matches component by component, so its wildcards stay inside the
    /// first five components (the last may hold colons); any other pattern is a glob over
    /// the whole value, which must still be an ARN (`arn:` and five colons).
    static func arnLike(_ pattern: String) -> StringLanguage {
        arnLike(tokens: Glob.compile(pattern))
    }

    /// ``arnLike(_:)`` for a compiled pattern (a policy variable's text is literal bytes).
    static func arnLike(tokens: [Glob.Token]) -> StringLanguage {
        let colon = Glob.Token.byte(UInt8(ascii: ":"))
        var parts: [[Glob.Token]] = []
        var current: [Glob.Token] = []
        for t in tokens {
            if t == colon && parts.count < ARN.componentCount - 1 {
                parts.append(current)
                current = []
            } else {
                current.append(t)
            }
        }
        parts.append(current)
        let prefix: [Glob.Token] = "arn:".utf8.map { .byte($0) }
        guard tokens.starts(with: prefix), parts.count == ARN.componentCount else {
            // Whole-value glob; the "value is an ARN" half is the key's domain's job.
            return StringLanguage(globTokens: tokens)
        }
        var steps: [Step] = []
        for (i, part) in parts.enumerated() {
            if i > 0 { steps.append(.one(ByteSet([UInt8(ascii: ":")]))) }
            let excluded = i < parts.count - 1 ? ByteSet([UInt8(ascii: ":")]) : ByteSet()
            steps += StringLanguage(globTokens: part, excluded: excluded).steps
        }
        return StringLanguage(steps)
    }

    /// A compiled glob: `.anyRun` is a run, `.anyOne` one byte (never from `excluded`), and a
    /// byte is itself (either case with `caseInsensitive`).
    init(globTokens: [Glob.Token], caseInsensitive: Bool = false, excluded: ByteSet = ByteSet()) {
        let any = ByteSet.all(except: excluded)
        var steps: [Step] = []
        for t in globTokens {
            switch t {
            case .anyRun: if steps.last != .run(any) { steps.append(.run(any)) }
            case .anyOne: steps.append(.one(any))
            case .byte(let b): steps.append(.one(caseInsensitive ? StringLanguage.folded(b) : ByteSet([b])))
            }
        }
        self.init(steps)
    }

    /// `b` and its other ASCII case.
    static func folded(_ b: UInt8) -> ByteSet {
        if b >= 65 && b <= 90 { return ByteSet([b, b | 0x20]) }
        if b >= 97 && b <= 122 { return ByteSet([b, b & ~0x20]) }
        return ByteSet([b])
    }

    /// Any string at all.
    static let anything = StringLanguage([.run(.all)])

    /// Concatenation.
    static func + (a: StringLanguage, b: StringLanguage) -> StringLanguage { StringLanguage(a.steps + b.steps) }

    /// One or more bytes of `set`.
    static func some(_ set: ByteSet) -> StringLanguage { StringLanguage([.one(set), .run(set)]) }

    /// Exactly `count` bytes of `set`.
    static func exactly(_ count: Int, _ set: ByteSet) -> StringLanguage {
        StringLanguage(Array(repeating: .one(set), count: count))
    }

    /// Whether `text` is in the language (used to check witnesses and to classify strings).
    /// A language too long to simulate contains nothing here; the partitions refuse it first.
    func contains(_ text: String) -> Bool {
        guard let c = CompiledLanguage(self) else { return false }
        var s = c.start
        for b in text.utf8 {
            guard b < 128 else { return false }
            s = c.step(s, b)
            if s.isZero { return false }
        }
        return c.accepts(s)
    }

    /// Whether a literal step names a byte outside ASCII (outside the supported language).
    /// Wildcard classes hold every such byte; a literal holds one or two.
    var hasNonASCII: Bool {
        steps.contains { step in
            guard case .one(let s) = step else { return false }
            let high = s.highCount
            return high > 0 && high < 128
        }
    }
}
