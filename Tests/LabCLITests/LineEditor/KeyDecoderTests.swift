import Testing
@testable import LabCLI

@Suite("Line editor key decoding")
struct KeyDecoderTests {
    private func decode(_ bytes: [UInt8]) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.feed(bytes)
    }

    @Test("escape sequences for arrows, Home, End and Delete", arguments: [
        ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[4~", .end), ("\u{1B}[8~", .end),
        ("\u{1B}[3~", .delete), ("\u{1B}b", .wordLeft), ("\u{1B}f", .wordRight),
        ("\u{1B}[1;5C", .wordRight), ("\u{1B}[1;5D", .wordLeft), ("\u{1B}[1;3D", .wordLeft),
        ("\u{1B}\u{7F}", .deleteWordBackward),
    ])
    func sequences(input: String, expected: Key) {
        #expect(decode(Array(input.utf8)) == [expected])
    }

    @Test("control bytes", arguments: [
        (UInt8(0x0D), Key.enter), (0x0A, .enter), (0x09, .tab), (0x7F, .backspace), (0x08, .backspace),
        (0x01, .control("a")), (0x03, .control("c")), (0x04, .control("d")), (0x17, .control("w")),
        (0x1A, .control("z")),
    ])
    func controls(byte: UInt8, expected: Key) {
        #expect(decode([byte]) == [expected])
    }

    @Test("printable ASCII and multi-byte UTF-8 become text")
    func text() {
        #expect(decode(Array("aé中😀".utf8)) == ["a", "é", "中", "😀"].map { Key.text($0) })
    }

    @Test("a UTF-8 character split across reads is decoded once complete")
    func splitCharacter() {
        var decoder = KeyDecoder()
        let bytes = Array("中".utf8)  // E4 B8 AD
        #expect(decoder.feed(bytes[0..<1]).isEmpty)
        #expect(decoder.hasPending)
        #expect(decoder.feed(bytes[1..<2]).isEmpty)
        #expect(decoder.feed(bytes[2...] + Array("x".utf8)) == [.text("中"), .text("x")])
        #expect(!decoder.hasPending)
    }

    @Test("an escape sequence split across reads is decoded once complete")
    func splitSequence() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.feed(Array("[3".utf8)).isEmpty)
        #expect(decoder.feed(Array("~a".utf8)) == [.delete, .text("a")])
    }

    @Test("unknown escape sequences are dropped without producing text", arguments: [
        "\u{1B}[200~", "\u{1B}[15~", "\u{1B}[Z", "\u{1B}OP", "\u{1B}[?1;2c", "\u{1B}x", "\u{1B}[1;5Q",
    ])
    func unknownSequences(input: String) {
        #expect(decode(Array(input.utf8) + [0x61]) == [.text("a")])
    }

    @Test("malformed and stray bytes are dropped", arguments: [
        [0x80], [0xBF], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0xFF], [0x00], [0x1C], [0xC2, 0x85],
    ] as [[UInt8]])
    func malformed(bytes: [UInt8]) {
        let keys = decode(bytes + [0x62])
        #expect(keys.last == .text("b"))
        #expect(!keys.dropLast().contains { if case .text = $0 { true } else { false } })
    }

    @Test("a truncated UTF-8 character is dropped and the ASCII byte after it kept")
    func truncatedCharacter() {
        #expect(decode([0xE4, 0x41]) == [.text("A")])
    }

    @Test("an endless control sequence is given up after a bounded length")
    func endlessSequence() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, 0x5B] + [UInt8](repeating: 0x31, count: 100)).isEmpty)
        #expect(!decoder.hasPending)
        #expect(decoder.feed([0x61]) == [.text("a")])
    }

    @Test("flush turns a lone Escape into a key and drops an incomplete tail")
    func flush() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.flush() == [.escape])
        #expect(decoder.feed([0x1B, 0x5B]).isEmpty)
        #expect(decoder.flush().isEmpty)
        #expect(decoder.feed([0xE4]).isEmpty)
        #expect(decoder.flush().isEmpty)
        #expect(decoder.feed(Array("ok".utf8)) == [.text("o"), .text("k")])
    }
}
