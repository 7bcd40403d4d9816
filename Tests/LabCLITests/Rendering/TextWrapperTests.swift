import Testing
@testable import LabCLI

@Suite("Wrapping text to the terminal")
struct TextWrapperTests {
    static let arn = "arn:aws:kinesis:us-east-1:111122223333:stream/orders-from-the-checkout-service"

    @Test("a line that fits is unchanged, escapes and all")
    func fits() {
        let line = "  \u{1B}[31m✘\u{1B}[0m short"
        #expect(TextWrapper(width: 20).wrap(line) == [line])
        #expect(TextWrapper(width: 20).wrap("a\nb") == ["a", "b"])
    }

    @Test("lines break at spaces, under the text after the indent and the marker", arguments: [
        ("  ✘ one two three four five six", ["  ✘ one two three", "    four five six"]),
        ("    - alpha beta gamma delta epsilon", ["    - alpha beta", "      gamma delta", "      epsilon"]),
        (" 12. first second third fourth", [" 12. first second", "     third fourth"]),
        ("plain words that go on and on", ["plain words that go", "on and on"]),
    ] as [(String, [String])])
    func hanging(_ line: String, _ expected: [String]) {
        #expect(TextWrapper(width: 20).wrap(line) == expected)
    }

    @Test("colour escapes take no cells and are never split")
    func escapes() {
        let red = "\u{1B}[31m", reset = "\u{1B}[0m"
        let lines = TextWrapper(width: 12).wrap("\(red)warning:\(reset) the draft is long")
        #expect(lines == ["\(red)warning:\(reset) the", "draft is", "long"])
        #expect(lines.allSatisfy { TextWrapper.visibleWidth($0) <= 12 })
    }

    @Test("a word longer than the line breaks after `:` or `/`, else at the width", arguments: [60, 40])
    func longWords(width: Int) {
        let lines = TextWrapper(width: width).wrap("on \(Self.arn) as role/checkout")
        #expect(lines.allSatisfy { TextWrapper.visibleWidth($0) <= width })
        #expect(lines.joined(separator: " ").replacingOccurrences(of: ": ", with: ":").replacingOccurrences(of: "/ ", with: "/")
                .contains(Self.arn))
        for line in lines.dropLast() where line.contains("arn:") || line.hasPrefix("1111") {
            #expect(line.hasSuffix(":") || line.hasSuffix("/"), "broken inside a part of the ARN: \(line)")
        }
        let unbreakable = TextWrapper(width: 10).wrap(String(repeating: "x", count: 25))
        #expect(unbreakable == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
    }

    @Test("at 60, 80 and 100 columns no line is wider and no word is broken", arguments: [60, 80, 100])
    func widths(width: Int) {
        let text = "  ✘ kinesis:PutRecord on arn:aws:kinesis:us-east-1:111122223333:stream/orders as role/checkout-producer "
            + "should be allowed but is implicitly denied: no statement allows kinesis:PutRecord on that stream."
        let lines = TextWrapper(width: width).wrap(text)
        #expect(lines.allSatisfy { TextWrapper.visibleWidth($0) <= width })
        let words = text.split(separator: " ")
        #expect(lines.flatMap { $0.split(separator: " ") } == words)
    }
}
