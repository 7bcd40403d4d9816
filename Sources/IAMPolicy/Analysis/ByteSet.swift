/// A set of bytes: one character class of the analysis's string languages.
///
/// Languages here are over ASCII bytes (patterns with other bytes are outside the supported
/// language and make the analysis answer "unknown"), so 256 bits are plenty.
struct ByteSet: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The empty set.
    init() { words = (0, 0, 0, 0) }

    /// The set holding `bytes`.
    init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        self.init()
        for b in bytes { insert(b) }
    }

    /// Every byte.
    static let all: ByteSet = {
        var s = ByteSet()
        s.words = (.max, .max, .max, .max)
        return s
    }()

    /// Every byte but `excluded`.
    static func all(except excluded: ByteSet) -> ByteSet { all.subtracting(excluded) }

    /// The bytes of `text`.
    static func of(_ text: String) -> ByteSet { ByteSet(text.utf8) }

    /// A range of ASCII characters, inclusive.
    static func range(_ from: Character, _ to: Character) -> ByteSet {
        ByteSet(from.asciiValue!...to.asciiValue!)
    }

    /// How many bytes of 0x80...0xFF the set holds.
    var highCount: Int { words.2.nonzeroBitCount + words.3.nonzeroBitCount }

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    func union(_ o: ByteSet) -> ByteSet {
        var s = self
        s.words = (words.0 | o.words.0, words.1 | o.words.1, words.2 | o.words.2, words.3 | o.words.3)
        return s
    }

    func subtracting(_ o: ByteSet) -> ByteSet {
        var s = self
        s.words = (words.0 & ~o.words.0, words.1 & ~o.words.1, words.2 & ~o.words.2, words.3 & ~o.words.3)
        return s
    }

    var isEmpty: Bool { words.0 == 0 && words.1 == 0 && words.2 == 0 && words.3 == 0 }

    static func == (a: ByteSet, b: ByteSet) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    func hash(into h: inout Hasher) {
        h.combine(words.0)
        h.combine(words.1)
        h.combine(words.2)
        h.combine(words.3)
    }
}
