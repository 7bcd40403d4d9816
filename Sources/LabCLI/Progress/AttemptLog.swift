import Digests
import AWSWire
import IAMPolicy
import LabKit

/// The attempt log's bytes, split into lines, with its hash chain.
///
/// JSON Lines: one object per line, `prev` first — the SHA-256 (hex) of the previous line's
/// bytes without its newline, or 64 zeros on the first line — then the event's members.
struct AttemptLog {
    /// The `prev` of the first line.
    static let zeroHash = String(repeating: "0", count: 64)

    /// The complete lines (each ended by `\n`), without their newlines.
    var lines: [ArraySlice<UInt8>]
    /// Bytes after the last newline: an unfinished line from a session killed mid-append.
    var unfinished: ArraySlice<UInt8>

    /// Splits `bytes` into lines.
    init(bytes: [UInt8]) {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for i in bytes.indices where bytes[i] == 0x0A {
            lines.append(bytes[start..<i])
            start = i + 1
        }
        self.lines = lines
        self.unfinished = bytes[start...]
    }

    /// The byte length of the complete lines.
    var completeLength: Int { lines.reduce(0) { $0 + $1.count + 1 } }

    /// The hash of line `index` (0-based).
    func hash(ofLine index: Int) -> String {
        Hex.encode(SHA256.hash(lines[index]))
    }

    /// The hash the next line's `prev` must carry.
    var lastHash: String { lines.isEmpty ? Self.zeroHash : hash(ofLine: lines.count - 1) }

    /// The head after all complete lines.
    var head: LogHead { LogHead(lines: lines.count, lastLineSHA256: lastHash) }

    /// The text of a new line (with its newline) recording `event` after the current last line.
    func line(for event: ProgressEvent) -> [UInt8] {
        let object: JSONValue = .object([("prev", .string(lastHash))] + event.jsonMembers)
        return Array(JSONWriter.string(object).utf8) + [0x0A]
    }

    /// Reads line `index` (0-based): its `prev` and its event.
    func entry(_ index: Int) throws(ProgressFormatError) -> (prev: String, event: ProgressEvent) {
        let value: JSONValue
        do {
            value = try JSONReader().read(bytes: Array(lines[index]))
        } catch {
            throw .notJSON(line: index + 1, column: error.position.column, message: error.message)
        }
        guard let prev = value["prev"]?.stringValue else { throw .wrongShape(path: "prev", expected: "a string") }
        return (prev, try ProgressEvent(json: value))
    }

    /// Checks the chain, and the lines `head` (from `progress.json`) says it reflects.
    func verify(against head: LogHead?) -> LogVerification {
        var expected = Self.zeroHash
        for index in lines.indices {
            let prev: String
            do {
                prev = try entry(index).prev
            } catch {
                return .broken(line: index + 1, problem: .unreadable(error))
            }
            guard prev == expected else { return .broken(line: index + 1, problem: .chainBroken) }
            expected = hash(ofLine: index)
        }
        if let head, head.lines > 0 {
            guard head.lines <= lines.count else {
                return .broken(line: lines.count + 1, problem: .linesRemoved(recorded: head.lines))
            }
            guard hash(ofLine: head.lines - 1) == head.lastLineSHA256 else {
                return .broken(line: head.lines, problem: .lastLineChanged)
            }
        }
        return unfinished.isEmpty ? .intact(lines: lines.count) : .tornTail(lines: lines.count)
    }

    /// Applies to `state` the lines after `state.log` whose chain continues from it; stops at
    /// the first line that does not. Does nothing when `state.log` does not match the log.
    func catchUp(_ state: inout ProgressState) {
        let start = state.log.lines
        guard start <= lines.count,
              start == 0 ? state.log.lastLineSHA256 == Self.zeroHash : hash(ofLine: start - 1) == state.log.lastLineSHA256
        else { return }
        for index in start..<lines.count {
            guard let (prev, event) = try? entry(index), prev == state.log.lastLineSHA256 else { return }
            state.apply(event)
            state.log = LogHead(lines: index + 1, lastLineSHA256: hash(ofLine: index))
        }
    }

    /// The events of every readable complete line, in order.
    var events: [ProgressEvent] {
        lines.indices.compactMap { try? entry($0).event }
    }
}
