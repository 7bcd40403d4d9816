/// Splits a domain of strings into the classes a set of patterns cannot tell apart, with a
/// shortest witness string for every class.
///
/// The domain is one ``StringLanguage`` (the shape of a stream ARN, say); the patterns are
/// others. Two strings of the domain are in one class when every pattern accepts both or
/// rejects both, so deciding a policy on one witness per class decides it for every string.
/// The classes are found by a breadth-first walk of the product automaton of the domain and
/// all patterns over an alphabet of byte classes (two bytes that every step treats alike are
/// one letter): each reachable product state where the domain accepts yields the class of
/// the patterns accepting there. The walk is exact; its only limit is the number of product
/// states, past which the caller answers "unknown".
struct LanguagePartition: Sendable {
    /// One class: which patterns accept its strings, and the shortest string found in it.
    struct Cell: Sendable, Hashable {
        /// `accepted[i]` says whether pattern `i` accepts the class's strings.
        var accepted: [Bool]
        /// A string of the class (of the domain, and accepted by exactly those patterns).
        var witness: String
    }

    /// The walk visited more product states than allowed.
    struct TooLarge: Error, Sendable {
        var states: Int
    }

    var cells: [Cell]
    /// The domain (first) and the patterns, compiled: to place other strings in a class.
    let compiled: [CompiledLanguage]

    /// Which patterns accept `text`, or `nil` when it is not in the domain.
    func signature(of text: String) -> [Bool]? {
        var states = compiled.map(\.start)
        for b in text.utf8 {
            guard b < 128 else { return nil }
            for i in states.indices where !states[i].isZero { states[i] = compiled[i].step(states[i], b) }
            if states[0].isZero { return nil }
        }
        guard compiled[0].accepts(states[0]) else { return nil }
        return (1..<compiled.count).map { compiled[$0].accepts(states[$0]) }
    }

    /// The first of `candidates` that lies in `cell`'s class: a readable stand-in.
    func firstMember(of cell: Cell, among candidates: [String]) -> String? {
        candidates.first { signature(of: $0) == cell.accepted }
    }

    /// The bytes a witness prefers, best first: readable letters and digits.
    private static let preference: [UInt8] = Array("xyzabcdefghijklmnopqrstuvw0123456789-_./:ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

    /// Partitions `domain` by `patterns`.
    init(domain: StringLanguage, patterns: [StringLanguage], stateLimit: Int = 40_000) throws(TooLarge) {
        let languages = [domain] + patterns
        let alphabet = Self.alphabet(for: languages)
        var compiled: [CompiledLanguage] = []
        for l in languages {
            guard let c = CompiledLanguage(l) else { throw TooLarge(states: -l.steps.count) }
            compiled.append(c)
        }
        let n = compiled.count
        // A product state is the components' position sets side by side.
        let start = compiled.map(\.start)
        var seen: Set<ProductState> = [ProductState(start)]
        var frontier: [([CompiledLanguage.Bits], [UInt8])] = [(start, [])]
        var found: [[Bool]: String] = [:]
        var order: [[Bool]] = []
        func record(_ p: [CompiledLanguage.Bits], _ text: [UInt8]) {
            guard compiled[0].accepts(p[0]) else { return }
            var signature: [Bool] = []
            signature.reserveCapacity(n - 1)
            for i in 1..<n { signature.append(compiled[i].accepts(p[i])) }
            if found[signature] == nil {
                found[signature] = String(decoding: text, as: UTF8.self)
                order.append(signature)
            }
        }
        record(start, [])
        while !frontier.isEmpty {
            var next: [([CompiledLanguage.Bits], [UInt8])] = []
            for (state, text) in frontier {
                for b in alphabet {
                    let d = compiled[0].step(state[0], b)
                    if d.isZero { continue }
                    var parts = state
                    parts[0] = d
                    for i in 1..<n where !parts[i].isZero { parts[i] = compiled[i].step(parts[i], b) }
                    guard seen.insert(ProductState(parts)).inserted else { continue }
                    if seen.count > stateLimit { throw TooLarge(states: seen.count) }
                    let t = text + [b]
                    record(parts, t)
                    next.append((parts, t))
                }
            }
            frontier = next
        }
        cells = order.map { Cell(accepted: $0, witness: found[$0]!) }
        self.compiled = compiled
    }

    /// A product state as a set member: the standard hash of 4 words per component cost
    /// more than the rest of the walk, so the words are folded into one first.
    struct ProductState: Hashable {
        var parts: [CompiledLanguage.Bits]

        init(_ parts: [CompiledLanguage.Bits]) { self.parts = parts }

        func hash(into hasher: inout Hasher) {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for p in parts {
                h = (h ^ p.w0) &* 0xFF51_AFD7_ED55_8CCD
                h = (h ^ p.w1 ^ (h >> 29)) &* 0xC4CE_B9FE_1A85_EC53
                h = (h ^ p.w2 ^ (h >> 31)) &* 0xFF51_AFD7_ED55_8CCD
                h = (h ^ p.w3 ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            }
            hasher.combine(h)
        }
    }

    /// One representative byte per class of bytes that every step of every language treats
    /// alike, preferring readable ones; bytes outside ASCII are never used (a witness must
    /// be text, and an ASCII stand-in exists for every class the policies can tell apart).
    static func alphabet(for languages: [StringLanguage]) -> [UInt8] {
        var sets: [ByteSet] = []
        var seenSets: Set<ByteSet> = []
        for l in languages {
            for step in l.steps {
                let s: ByteSet
                switch step {
                case .one(let x), .run(let x): s = x
                }
                if seenSets.insert(s).inserted { sets.append(s) }
            }
        }
        var bySignature: [[Bool]: UInt8] = [:]
        var rank: [UInt8: Int] = [:]
        for (i, b) in preference.enumerated() { rank[b] = i }
        for b in UInt8(0)...UInt8(127) {
            let signature = sets.map { $0.contains(b) }
            if !signature.contains(true) { continue }
            if let current = bySignature[signature] {
                if (rank[b] ?? 1000 + Int(b)) < (rank[current] ?? 1000 + Int(current)) { bySignature[signature] = b }
            } else {
                bySignature[signature] = b
            }
        }
        return bySignature.values.sorted { (rank[$0] ?? 1000 + Int($0)) < (rank[$1] ?? 1000 + Int($1)) }
    }
}
