/// A ``StringLanguage`` ready for fast simulation: the set of positions is a 256-bit word
/// and reading a byte is a few word operations (bit-parallel: a `.one` step moves its bit
/// one place on, a `.run` step keeps it, and positions after a run are added by a short
/// closure loop). Languages of more than 255 steps are outside the supported language.
struct CompiledLanguage: Sendable {
    /// 256 bits, one per position.
    struct Bits: Hashable, Sendable {
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

        static let zero = Bits()

        init() {}

        init(bit i: Int) {
            switch i >> 6 {
            case 0: w0 = 1 << UInt64(i & 63)
            case 1: w1 = 1 << UInt64(i & 63)
            case 2: w2 = 1 << UInt64(i & 63)
            default: w3 = 1 << UInt64(i & 63)
            }
        }

        var isZero: Bool { (w0 | w1 | w2 | w3) == 0 }

        static func & (a: Bits, b: Bits) -> Bits {
            var r = Bits()
            r.w0 = a.w0 & b.w0; r.w1 = a.w1 & b.w1; r.w2 = a.w2 & b.w2; r.w3 = a.w3 & b.w3
            return r
        }

        static func | (a: Bits, b: Bits) -> Bits {
            var r = Bits()
            r.w0 = a.w0 | b.w0; r.w1 = a.w1 | b.w1; r.w2 = a.w2 | b.w2; r.w3 = a.w3 | b.w3
            return r
        }

        /// Every position one further on.
        var shifted: Bits {
            var r = Bits()
            r.w0 = w0 << 1
            r.w1 = (w1 << 1) | (w0 >> 63)
            r.w2 = (w2 << 1) | (w1 >> 63)
            r.w3 = (w3 << 1) | (w2 >> 63)
            return r
        }
    }

    /// The longest language simulated.
    static let maxSteps = 255

    let runBits: Bits
    let accept: Bits
    let start: Bits
    /// For each ASCII byte: the `.one` steps it satisfies.
    let one: [Bits]
    /// For each ASCII byte: the `.run` steps it may continue.
    let run: [Bits]

    /// Compiles `language`; `nil` when it has more steps than ``maxSteps``.
    init?(_ language: StringLanguage) {
        let steps = language.steps
        guard steps.count <= Self.maxSteps else { return nil }
        var runBits = Bits()
        var one = Array(repeating: Bits(), count: 128)
        var run = Array(repeating: Bits(), count: 128)
        for (i, step) in steps.enumerated() {
            let bit = Bits(bit: i)
            switch step {
            case .one(let s):
                for b in 0..<128 where s.contains(UInt8(b)) { one[b] = one[b] | bit }
            case .run(let s):
                runBits = runBits | bit
                for b in 0..<128 where s.contains(UInt8(b)) { run[b] = run[b] | bit }
            }
        }
        self.runBits = runBits
        self.one = one
        self.run = run
        self.accept = Bits(bit: steps.count)
        var s = Bits(bit: 0)
        while true {
            let next = s | (s & runBits).shifted
            if next == s { break }
            s = next
        }
        self.start = s
    }

    /// The positions after reading `b` (an ASCII byte) from `s`.
    @inline(__always)
    func step(_ s: Bits, _ b: UInt8) -> Bits {
        var n = (s & one[Int(b)]).shifted | (s & run[Int(b)])
        while true {
            let next = n | (n & runBits).shifted
            if next == n { return n }
            n = next
        }
    }

    @inline(__always)
    func accepts(_ s: Bits) -> Bool { !(s & accept).isZero }
}
