/// When `kdslab serve --state` compacts its file: once the file is at least
/// ``minimumBytes`` long and ``ratio`` times what a snapshot of the world would take.
///
/// A snapshot is about the requests that changed anything but records, plus every stored
/// record (its data, partition key and a few bytes of sequence fields, in base64). A journal
/// of PutRecords of 100-byte records takes about 1.7 times that while every record is kept
/// (larger records, less), so with the default
/// ratio of 2 the file is rewritten only once records have aged out (retention) or streams
/// were deleted, and then at most once each time it doubles: rarely, and in all at most
/// about as many bytes as were appended.
struct JournalCompaction: Sendable, Equatable {
    /// No compaction below this length.
    var minimumBytes = 64 << 20
    /// Compact when the file is this many times the snapshot's estimated size.
    var ratio = 2.0

    /// The environment variables that override the defaults (tests set them low, so that
    /// compactions happen in a short run).
    static let minimumBytesVariable = "KDSLAB_STATE_COMPACT_MIN_BYTES"
    static let ratioVariable = "KDSLAB_STATE_COMPACT_RATIO"

    /// The policy with the environment's overrides; a one-line failure naming the variable
    /// when one is not a number.
    static func from(environment: (String) -> String?) throws(CommandFailure) -> JournalCompaction {
        var policy = JournalCompaction()
        if let text = environment(minimumBytesVariable) {
            guard let n = Int(text), n >= 0 else {
                throw .usage("\(minimumBytesVariable) `\(text)` is not a number of bytes")
            }
            policy.minimumBytes = n
        }
        if let text = environment(ratioVariable) {
            guard let r = Double(text), r.isFinite, r >= 0 else {
                throw .usage("\(ratioVariable) `\(text)` is not a ratio (a number such as 2 or 1.5)")
            }
            policy.ratio = r
        }
        return policy
    }

    /// How long, at least, the file grows between two looks at the world's size (so the
    /// look, which takes the service's lock, stays rare).
    var checkInterval: Int { max(4096, minimumBytes / 8) }

    /// Whether a file of `length` bytes should be compacted, the world's snapshot being
    /// about `snapshotBytes`.
    func wantsCompaction(length: Int, snapshotBytes: Int) -> Bool {
        length >= minimumBytes && Double(length) >= ratio * Double(snapshotBytes)
    }

    /// About how many bytes a snapshot takes: the kept request lines, and each stored record
    /// in base64 with about 8 bytes of fields, plus a line's framing for every 8,192 records.
    static func snapshotBytes(keptLines: Int, records: (count: Int, bytes: Int)) -> Int {
        keptLines + (records.bytes + 8 * records.count) * 4 / 3 + (records.count / 8192 + 1) * 300
    }
}
