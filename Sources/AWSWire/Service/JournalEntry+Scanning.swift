import KinesisSim

/// Reading a journal line the quick way: a line exactly as ``JournalEntry/line`` writes it
/// (members in its order, no spaces) is scanned byte by byte, which replay needs for files of
/// hundreds of thousands of lines; anything else (an edited line, another order, a
/// `\u` escape beyond the Basic Multilingual Plane) is left to the JSON reader.
extension JournalEntry {
    /// The entry `line` holds when it has ``line``'s exact layout; `nil` otherwise (which
    /// does not mean it is not an entry).
    static func scanning(_ line: String) -> JournalEntry? {
        var text = line
        return text.withUTF8 { bytes -> JournalEntry? in
            var scanner = Scanner(bytes: bytes)
            guard scanner.take(#"{"v":"#), scanner.take(String(formatVersion)), scanner.take(#","time":"#),
                  let ms = scanner.number(), let time = Int64(ms).flatMap(Timestamp.init(wireMilliseconds:)),
                  scanner.take(#","service":"#), let service = scanner.string(),
                  scanner.take(#","operation":"#), let operation = scanner.string(),
                  scanner.take(#","accessKeyId":"#), let key = scanner.string(),
                  scanner.take(#","caller":"#), let arn = scanner.string(),
                  scanner.take(#","region":"#), let region = scanner.string(),
                  scanner.take(#","body":"#), let body = scanner.string() else { return nil }
            var issued: [String] = []
            if scanner.take(#","issued":["#) {
                repeat {
                    guard let value = scanner.string() else { return nil }
                    issued.append(value)
                } while scanner.take(",")
                guard scanner.take("]") else { return nil }
            }
            guard scanner.take("}"), scanner.atEnd else { return nil }
            return JournalEntry(time: time, service: service, operation: operation, accessKeyId: key, callerArn: arn,
                                region: region, body: body, issued: issued)
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        var atEnd: Bool { i == bytes.count }

        /// Moves past `literal` when it comes next.
        mutating func take(_ literal: StaticString) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard bytes.count - i >= n else { return false }
            let p = literal.utf8Start
            for k in 0..<n where bytes[i + k] != p[k] { return false }
            i += n
            return true
        }

        mutating func take(_ literal: String) -> Bool {
            let utf8 = Array(literal.utf8)
            guard bytes.count - i >= utf8.count else { return false }
            for k in 0..<utf8.count where bytes[i + k] != utf8[k] { return false }
            i += utf8.count
            return true
        }

        /// The digits (with a leading minus) of a number.
        mutating func number() -> String? {
            let start = i
            if i < bytes.count && bytes[i] == UInt8(ascii: "-") { i += 1 }
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            guard i > start else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }

        /// A JSON string: `"`, its characters, `"`.
        mutating func string() -> String? {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            let start = i
            // Most strings have no escapes: take their bytes as they are.
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    defer { i += 1 }
                    // The line is a Swift string, so its bytes are valid UTF-8.
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                }
                if b == UInt8(ascii: "\\") { break }
                guard b >= 0x20 else { return nil }
                i += 1
            }
            // Escapes: copy the runs between them whole.
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count - start)
            var run = start
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                guard b == UInt8(ascii: "\\") else {
                    guard b >= 0x20 else { return nil }
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                i += 1
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = hex4(), scalar < 0xD800 || scalar > 0xDFFF,
                          let unicode = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: String(Character(unicode)).utf8)
                default: return nil
                }
                run = i
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard bytes.count - i >= 4 else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                i += 1
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x41...0x46: d = c - 0x41 + 10
                case 0x61...0x66: d = c - 0x61 + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
    }
}
