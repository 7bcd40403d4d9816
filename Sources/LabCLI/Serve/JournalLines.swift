#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A state file's bytes split into journal lines: the complete ones, each ended by `\n`, and
/// what follows the last newline.
///
/// Entries are appended whole, newline last, and acknowledged only once synced; bytes after
/// the last newline are a record whose append was cut short (a crash, a full disk) and that
/// no client was told about.
struct JournalLines {
    /// The complete lines, without their newlines.
    var lines: [ArraySlice<UInt8>]
    /// The bytes after the last newline (empty when the file ends with one).
    var unfinished: ArraySlice<UInt8>

    /// Splits `bytes`.
    init(bytes: [UInt8]) {
        let ends = Self.newlineOffsets(in: bytes)
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(ends.count)
        var start = 0
        for end in ends {
            lines.append(bytes[start..<end])
            start = end + 1
        }
        self.lines = lines
        unfinished = bytes[start...]
    }

    /// The length of the complete lines, newlines included: where the unfinished one starts.
    var completeLength: Int { unfinished.startIndex }

    /// Where each newline is, found with `memchr` (which compares many bytes at a time: a
    /// state file can be hundreds of megabytes).
    static func newlineOffsets(in bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBytes { buffer -> [Int] in
            guard let base = buffer.baseAddress else { return [] }
            var ends: [Int] = []
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let end = base.distance(to: UnsafeRawPointer(found))
                ends.append(end)
                offset = end + 1
            }
            return ends
        }
    }
}
