/// IAM's wildcard matching: `*` matches any run of characters (none included), `?` exactly one.
///
/// The matcher walks text and pattern with two cursors and, on a mismatch, falls back to
/// the most recent `*` only, never to an earlier one. That rules out the exponential
/// blow-up of a backtracking regex (`*a*a*a*...b` against `aaaa...`): the work is at most
/// the text's length times the longest wildcard-free run of the pattern, and linear when
/// those runs are short, as in real policies. (A 100-star pattern against 10 KB takes about
/// 16 µs; `kdslab-bench` measures it as `policy.adversarial_wildcard_match_us`.)
///
/// Matching works on UTF-8 bytes. `?` must match one *character*, so when it meets a
/// multi-byte scalar it consumes the whole scalar.
public enum Glob {
    /// One element of a compiled pattern.
    public enum Token: Sendable, Hashable {
        /// A literal byte (a `*` or `?` produced by `${*}`/`${?}` is literal too).
        case byte(UInt8)
        /// `*`: any run of characters.
        case anyRun
        /// `?`: exactly one character.
        case anyOne
    }

    /// Compiles `pattern`, treating `*` and `?` as wildcards and folding ASCII case when asked.
    public static func compile(_ pattern: String, caseInsensitive: Bool = false) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(pattern.utf8.count)
        for b in pattern.utf8 {
            switch b {
            case UInt8(ascii: "*"):
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            case UInt8(ascii: "?"):
                tokens.append(.anyOne)
            default:
                tokens.append(.byte(caseInsensitive ? lowerASCII(b) : b))
            }
        }
        return tokens
    }

    /// Whether `text` matches `pattern` (both as written; wildcards in `pattern` only).
    public static func matches(_ pattern: String, _ text: String, caseInsensitive: Bool = false) -> Bool {
        let tokens = compile(pattern, caseInsensitive: caseInsensitive)
        var text = text
        return text.withUTF8 { matches(tokens, $0, caseInsensitive: caseInsensitive) }
    }

    /// Whether the UTF-8 `text` matches the compiled `tokens`.
    ///
    /// With `caseInsensitive`, text bytes are lower-cased (ASCII) before comparison; the
    /// tokens must have been compiled the same way.
    public static func matches(
        _ tokens: [Token], _ text: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool = false
    ) -> Bool {
        tokens.withUnsafeBufferPointer { p in
            matches(p, text, caseInsensitive: caseInsensitive)
        }
    }

    /// The core matcher over raw buffers.
    // INVARIANT: `starP`/`starT` record the latest `*` and where its run would resume; on a
    // mismatch we retry with that `*` eating one more character, never an older `*`. That is
    // sound for globs because a later `*` can absorb anything an earlier one could.
    @inlinable
    public static func matches(
        _ p: UnsafeBufferPointer<Token>, _ t: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool
    ) -> Bool {
        var pi = 0
        var ti = 0
        var starP = -1
        var starT = 0
        let pn = p.count
        let tn = t.count
        while ti < tn {
            if pi < pn {
                switch p[pi] {
                case .anyRun:
                    starP = pi
                    pi += 1
                    starT = ti
                    continue
                case .anyOne:
                    pi += 1
                    ti += scalarLength(t[ti])
                    continue
                case .byte(let b):
                    let c = caseInsensitive ? lowerASCII(t[ti]) : t[ti]
                    if b == c {
                        pi += 1
                        ti += 1
                        continue
                    }
                }
            }
            guard starP >= 0 else { return false }
            pi = starP + 1
            starT += scalarLength(t[starT])
            ti = starT
        }
        while pi < pn, p[pi] == .anyRun { pi += 1 }
        return pi == pn && ti == tn
    }

    /// Whether `pattern` contains a wildcard character.
    public static func hasWildcard(_ pattern: String) -> Bool {
        pattern.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
    }

    @inlinable
    static func lowerASCII(_ b: UInt8) -> UInt8 {
        (b >= 65 && b <= 90) ? b | 0x20 : b
    }

    /// The length in bytes of the UTF-8 sequence that starts with `lead` (1 for stray bytes).
    @inlinable
    static func scalarLength(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }
}
