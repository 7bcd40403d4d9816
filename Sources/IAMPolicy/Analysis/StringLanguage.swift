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
        StringLanguage(globSteps(Array(text.utf8), caseInsensitive: caseInsensitive, excluded: excluded))
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

    private static func globSteps(_ bytes: [UInt8], caseInsensitive: Bool, excluded: ByteSet) -> [Step] {
        var steps: [Step] = []
        let any = ByteSet.all(except: excluded)
        for b in bytes {
            switch b {
            case UInt8(ascii: "*"):
                if steps.last != .run(any) { steps.append(.run(any)) }
            case UInt8(ascii: "?"):
                steps.append(.one(any))
            default:
                steps.append(.one(caseInsensitive ? folded(b) : ByteSet([b])))
            }
        }
        return steps
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
    func contains(_ text: String) -> Bool {
        guard let c = CompiledLanguage(self) else {
            var nfa = NFAState(self)
            for b in text.utf8 {
                nfa.step(b, in: self)
                if nfa.isDead { return false }
            }
            return nfa.accepts(self)
        }
        var s = c.start
        for b in text.utf8 {
            guard b < 128 else { return false }
            s = c.step(s, b)
            if s.isZero { return false }
        }
        return c.accepts(s)
    }

    /// Whether some step holds a byte outside ASCII (outside the supported language).
    var hasNonASCII: Bool {
        steps.contains { step in
            switch step {
            case .one(let s): return ByteSet.nonASCIIProbe.contains { s.contains($0) } && !s.coversAllNonASCII
            case .run: return false
            }
        }
    }
}

extension ByteSet {
    /// Bytes 0x80...0xFF, for the non-ASCII test.
    static let nonASCIIProbe: [UInt8] = Array(0x80...0xFF)

    /// Whether every non-ASCII byte is in the set (a wildcard's class, not a literal).
    var coversAllNonASCII: Bool { ByteSet.nonASCIIProbe.allSatisfy { contains($0) } }
}

/// The positions a Thompson-style simulation of one ``StringLanguage`` can be at: bit `i`
/// set means the steps before `i` have been matched. Bit `steps.count` set means accepted.
struct NFAState: Hashable, Sendable {
    var bits: [UInt64]

    /// The start state (closed over runs, which may match nothing).
    init(_ language: StringLanguage) {
        bits = Array(repeating: 0, count: (language.steps.count + 1 + 63) / 64)
        set(0)
        close(language)
    }

    private init(bits: [UInt64]) { self.bits = bits }

    func has(_ i: Int) -> Bool { bits[i >> 6] & (1 << UInt64(i & 63)) != 0 }
    mutating func set(_ i: Int) { bits[i >> 6] |= 1 << UInt64(i & 63) }

    var isDead: Bool { bits.allSatisfy { $0 == 0 } }

    func accepts(_ language: StringLanguage) -> Bool { has(language.steps.count) }

    /// Adds the positions reachable by letting runs match nothing.
    mutating func close(_ language: StringLanguage) {
        let steps = language.steps
        for i in 0..<steps.count where has(i) {
            if case .run = steps[i] { set(i + 1) }
        }
    }

    /// Reads one byte.
    mutating func step(_ b: UInt8, in language: StringLanguage) {
        let steps = language.steps
        var next = NFAState(bits: Array(repeating: 0, count: bits.count))
        for i in 0..<steps.count where has(i) {
            switch steps[i] {
            case .one(let s): if s.contains(b) { next.set(i + 1) }
            case .run(let s): if s.contains(b) { next.set(i) }
            }
        }
        next.close(language)
        self = next
    }
}
