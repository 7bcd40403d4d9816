/// Relations between two IAM wildcard patterns (`*` any run, `?` one character).
enum _GlobRelation {
    /// Whether some text matches both patterns (ASCII; case-sensitive unless asked).
    static func intersects(_ a: String, _ b: String, caseInsensitive: Bool = false) -> Bool {
        let p = normalized(a, caseInsensitive), q = normalized(b, caseInsensitive)
        let star = UInt8(ascii: "*"), one = UInt8(ascii: "?")
        let n = p.count, m = q.count
        // INVARIANT: row i, column j says whether p[i...] and q[j...] share a text.
        var memo = [[Bool]](repeating: [Bool](repeating: false, count: m + 1), count: n + 1)
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: m, through: 0, by: -1) {
                if i == n && j == m {
                    memo[i][j] = true
                } else if i < n && p[i] == star {
                    memo[i][j] = memo[i + 1][j] || (j < m && memo[i][j + 1])
                } else if j < m && q[j] == star {
                    memo[i][j] = memo[i][j + 1] || (i < n && memo[i + 1][j])
                } else if i < n && j < m {
                    memo[i][j] = (p[i] == q[j] || p[i] == one || q[j] == one) && memo[i + 1][j + 1]
                }
            }
        }
        return memo[0][0]
    }

    /// Whether every text `inner` matches is matched by `outer`, as far as a cheap, sound test
    /// can tell (`false` means "not shown", not "no").
    static func covers(_ outer: String, _ inner: String, caseInsensitive: Bool = false) -> Bool {
        if !outer.isEmpty, outer.utf8.allSatisfy({ $0 == UInt8(ascii: "*") }) { return true }
        let o = caseInsensitive ? outer.lowercased() : outer
        let i = caseInsensitive ? inner.lowercased() : inner
        if o == i { return true }
        if !Glob.hasWildcard(i) { return Glob.matches(o, i) }
        // `prefix*` covers anything that starts with `prefix`.
        if o.hasSuffix("*") {
            let prefix = String(o.dropLast())
            if !Glob.hasWildcard(prefix) && i.hasPrefix(prefix) { return true }
        }
        return false
    }

    private static func normalized(_ s: String, _ caseInsensitive: Bool) -> [UInt8] {
        caseInsensitive ? s.utf8.map(Glob.lowerASCII) : Array(s.utf8)
    }
}
