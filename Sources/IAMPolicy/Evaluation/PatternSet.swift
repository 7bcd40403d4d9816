/// The entries of one `Action` or `Resource` element, compiled into flat arrays.
///
/// Every entry is a plain record pointing into shared byte and token arrays, so the hot
/// loop reads memory without touching reference counts. Action sets fold ASCII case
/// (IAM matches actions case-insensitively); resource sets do not.
struct PatternSet: Sendable {
    enum Kind: UInt8, Sendable {
        /// A pattern of only `*`: matches everything, the literal `*` resource included.
        case any
        /// No wildcard: byte-for-byte (case-folded for actions).
        case exact
        /// `*`/`?` wildcards: a glob over `tokens`.
        case glob
        /// Holds policy variables: filled in from the request first (`templates[start]`).
        case template
    }

    struct Entry: Sendable {
        var kind: Kind
        /// Into `bytes` (exact), `tokens` (glob) or `templates` (template).
        var start: Int32
        var count: Int32
    }

    let entries: [Entry]
    let bytes: [UInt8]
    let tokens: [Glob.Token]
    let templates: [PolicyVariableTemplate]
    let caseInsensitive: Bool

    init(_ patterns: [String], caseInsensitive: Bool, variables: Bool) {
        var entries: [Entry] = []
        var bytes: [UInt8] = []
        var tokens: [Glob.Token] = []
        var templates: [PolicyVariableTemplate] = []
        for text in patterns {
            if !text.isEmpty && text.utf8.allSatisfy({ $0 == UInt8(ascii: "*") }) {
                entries.append(Entry(kind: .any, start: 0, count: 0))
            } else if variables, let t = PolicyVariableTemplate(text) {
                entries.append(Entry(kind: .template, start: Int32(templates.count), count: 1))
                templates.append(t)
            } else if Glob.hasWildcard(text) {
                let compiled = Glob.compile(text, caseInsensitive: caseInsensitive)
                entries.append(Entry(kind: .glob, start: Int32(tokens.count), count: Int32(compiled.count)))
                tokens += compiled
            } else {
                let folded = caseInsensitive ? text.utf8.map(Glob.lowerASCII) : Array(text.utf8)
                entries.append(Entry(kind: .exact, start: Int32(bytes.count), count: Int32(folded.count)))
                bytes += folded
            }
        }
        self.entries = entries
        self.bytes = bytes
        self.tokens = tokens
        self.templates = templates
        self.caseInsensitive = caseInsensitive
    }

    /// Whether any entry matches `text` (an action in any case, or a resource ARN / `*`).
    ///
    /// For resources, a concrete ARN pattern never matches the literal `*` that stands for
    /// actions without a resource type; only an all-`*` pattern does. An entry whose
    /// variable cannot be resolved matches nothing.
    @inline(__always)
    func matchesAny(_ text: UnsafeBufferPointer<UInt8>, context: RequestContext) -> Bool {
        let isStarResource = !caseInsensitive && text.count == 1 && text[0] == UInt8(ascii: "*")
        return entries.withUnsafeBufferPointer { entries in
            bytes.withUnsafeBufferPointer { bytes in
                tokens.withUnsafeBufferPointer { tokens in
                    for e in entries {
                        switch e.kind {
                        case .any:
                            return true
                        case .exact:
                            guard Int(e.count) == text.count, !isStarResource else { continue }
                            let p = UnsafeBufferPointer(rebasing: bytes[Int(e.start)..<Int(e.start + e.count)])
                            if caseInsensitive {
                                var same = true
                                for i in 0..<p.count where p[i] != Glob.lowerASCII(text[i]) {
                                    same = false
                                    break
                                }
                                if same { return true }
                            } else if Bytes.equal(p, text) {
                                return true
                            }
                        case .glob:
                            if isStarResource { continue }
                            let p = UnsafeBufferPointer(rebasing: tokens[Int(e.start)..<Int(e.start + e.count)])
                            if Glob.matches(p, text, caseInsensitive: caseInsensitive) { return true }
                        case .template:
                            if isStarResource { continue }
                            guard let resolved = templates[Int(e.start)].resolve(
                                in: context, wildcards: true, caseInsensitive: caseInsensitive) else { continue }
                            if Glob.matches(resolved, text, caseInsensitive: caseInsensitive) { return true }
                        }
                    }
                    return false
                }
            }
        }
    }
}
