/// Turns the bytes a terminal sends into ``Key`` values.
///
/// Input arrives in arbitrary pieces: a UTF-8 character or an escape sequence may be split
/// across two reads, so the decoder keeps an incomplete tail until the next ``feed(_:)``.
/// Unknown or malformed sequences are dropped, never turned into text.
struct KeyDecoder: Sendable {
    /// Bytes of an incomplete character or escape sequence.
    private(set) var pending: [UInt8] = []

    /// The longest escape sequence kept while waiting for its final byte.
    static let maximumSequenceLength = 32

    /// Creates a decoder with nothing pending.
    init() {}

    /// Whether bytes are waiting for the rest of a character or sequence. A lone Escape is
    /// told apart from the start of a sequence by calling ``flush()`` after a short wait.
    var hasPending: Bool { !pending.isEmpty }

    /// Decodes `bytes` (after any pending ones) into keys, keeping an incomplete tail.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var index = 0
        // INVARIANT: pending[..<index] is decoded; each step consumes at least one byte or stops.
        while index < pending.count {
            switch step(pending[index...]) {
            case .key(let key, let length):
                keys.append(key)
                index += length
            case .skip(let length):
                index += length
            case .incomplete:
                pending.removeFirst(index)
                return keys
            }
        }
        pending.removeAll()
        return keys
    }

    /// Gives up waiting: a lone Escape becomes ``Key/escape``; any other incomplete tail is
    /// dropped.
    mutating func flush() -> [Key] {
        defer { pending.removeAll() }
        if pending == [0x1B] { return [.escape] }
        if pending.first == 0x1B, pending.count == 2, pending[1] == 0x1B { return [.escape, .escape] }
        return []
    }

    private enum Step {
        case key(Key, length: Int)
        case skip(Int)
        case incomplete
    }

    private func step(_ bytes: ArraySlice<UInt8>) -> Step {
        let first = bytes[bytes.startIndex]
        switch first {
        case 0x1B: return escape(bytes)
        case 0x0D, 0x0A: return .key(.enter, length: 1)
        case 0x09: return .key(.tab, length: 1)
        case 0x08, 0x7F: return .key(.backspace, length: 1)
        case 0x01...0x1A:
            return .key(.control(Character(Unicode.Scalar(first + 0x60))), length: 1)
        case 0x00, 0x1C...0x1F: return .skip(1)
        case 0x20...0x7E: return .key(.text(Unicode.Scalar(first)), length: 1)
        default: return utf8(bytes)
        }
    }

    private func utf8(_ bytes: ArraySlice<UInt8>) -> Step {
        let start = bytes.startIndex
        let lead = bytes[start]
        let length: Int
        let initial: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; initial = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; initial = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; initial = UInt32(lead & 0x07)
        default: return .skip(1)  // a stray continuation byte or an impossible lead byte
        }
        var value = initial
        for offset in 1..<length {
            guard start + offset < bytes.endIndex else { return .incomplete }
            let byte = bytes[start + offset]
            guard byte & 0xC0 == 0x80 else { return .skip(offset) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= smallest, let scalar = Unicode.Scalar(value) else { return .skip(length) }
        if value < 0xA0 { return .skip(length) }  // C1 control characters
        return .key(.text(scalar), length: length)
    }

    private func escape(_ bytes: ArraySlice<UInt8>) -> Step {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return .incomplete }
        let second = bytes[start + 1]
        switch second {
        case UInt8(ascii: "["): return controlSequence(bytes)
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return .incomplete }
            switch bytes[start + 2] {
            case UInt8(ascii: "A"): return .key(.up, length: 3)
            case UInt8(ascii: "B"): return .key(.down, length: 3)
            case UInt8(ascii: "C"): return .key(.right, length: 3)
            case UInt8(ascii: "D"): return .key(.left, length: 3)
            case UInt8(ascii: "H"): return .key(.home, length: 3)
            case UInt8(ascii: "F"): return .key(.end, length: 3)
            default: return .skip(3)
            }
        case UInt8(ascii: "b"): return .key(.wordLeft, length: 2)
        case UInt8(ascii: "f"): return .key(.wordRight, length: 2)
        case 0x7F, 0x08: return .key(.deleteWordBackward, length: 2)
        case 0x1B: return .key(.escape, length: 1)  // the first of two Escapes stood alone
        default: return .skip(2)  // Alt plus a key we do not bind
        }
    }

    /// `ESC [`, parameter bytes (0x30–0x3F), intermediate bytes (0x20–0x2F), a final byte
    /// (0x40–0x7E).
    private func controlSequence(_ bytes: ArraySlice<UInt8>) -> Step {
        let start = bytes.startIndex
        var index = start + 2
        while index < bytes.endIndex, (0x20...0x3F).contains(bytes[index]) {
            index += 1
        }
        let length = index - start
        guard index < bytes.endIndex else {
            return length >= Self.maximumSequenceLength ? .skip(length) : .incomplete
        }
        let final = bytes[index]
        guard (0x40...0x7E).contains(final) else { return .skip(length) }
        let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
        guard let key = Self.key(final: final, parameters: parameters) else { return .skip(length + 1) }
        return .key(key, length: length + 1)
    }

    private static func key(final: UInt8, parameters: String) -> Key? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
        let modified = fields.count == 2 && ["3", "5", "9"].contains(fields[1])
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return modified ? .wordRight : .right
        case UInt8(ascii: "D"): return modified ? .wordLeft : .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "~"):
            switch fields.first {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            default: return nil
            }
        default: return nil
        }
    }
}
