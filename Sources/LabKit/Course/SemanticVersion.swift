/// A version such as `1.4.0`: dot-separated whole numbers, compared number by number
/// (`0.10.0` is after `0.9.2`; a missing number counts as 0).
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numbers, most significant first.
    public var numbers: [Int]

    /// Reads `text`: one to three whole numbers separated by dots (`1`, `1.2`, `1.2.3`); `nil`
    /// for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part) else { return nil }
            numbers.append(n)
        }
        self.numbers = numbers
    }

    /// A version of `numbers`, most significant first.
    public init(numbers: [Int]) {
        self.numbers = numbers
    }

    public var description: String { numbers.map(String.init).joined(separator: ".") }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        for i in 0..<max(a.numbers.count, b.numbers.count) {
            let x = i < a.numbers.count ? a.numbers[i] : 0
            let y = i < b.numbers.count ? b.numbers[i] : 0
            if x != y { return x < y }
        }
        return false
    }

    public static func == (a: SemanticVersion, b: SemanticVersion) -> Bool {
        !(a < b) && !(b < a)
    }

    public func hash(into hasher: inout Hasher) {
        var trimmed = numbers
        while trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }
}
