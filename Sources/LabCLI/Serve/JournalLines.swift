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
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                if buffer[i] == 0x0A {
                    lines.append(bytes[start..<i])
                    start = i + 1
                }
                i += 1
            }
        }
        self.lines = lines
        unfinished = bytes[start...]
    }

    /// The length of the complete lines, newlines included: where the unfinished one starts.
    var completeLength: Int { unfinished.startIndex }
}
