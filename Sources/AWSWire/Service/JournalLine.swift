import IAMPolicy
import KinesisSim

/// One line of a journal, read ahead of replay (``AWSService/replay(_:)``): its entry and,
/// for Kinesis, its call decoded from the body; or a compacted journal's records
/// (``JournalRecordsLine``), their payload checked. Reading is most of replay's cost and needs neither the
/// service nor its lock, so a caller can read the next lines on another thread while the
/// earlier ones are applied.
public struct JournalLine: Sendable {
    /// The 1-based line number, for errors.
    public let number: Int
    let content: Content
    /// Whether the line holds an entry or records.
    public let isEntry: Bool
    /// Whether the line holds records rather than a request.
    public let isRecordsLine: Bool
    /// Whether the line holds a request a client made (not records, nor a setting).
    public let isRequest: Bool
    /// How many records the line puts back (0 for an entry).
    public let restoredRecordCount: Int
    /// Whether a compaction keeps the line as it is: an entry that changed more than records.
    /// (Records lines and PutRecord entries are rewritten from the world.)
    public let isKeptByCompaction: Bool
    // (Kept apart from `content`, so that asking does not copy what it holds.)

    enum Content: Sendable {
        case blank
        case notText
        case notAnEntry
        /// The entry, and for Kinesis its call (`nil` when the body is not JSON).
        case entry(JournalEntry, call: KinesisCall?)
        /// A shard's records.
        case records(JournalRecordsLine)
        /// A Kinesis PutRecord entry read the quick way (see ``scanningPutRecord(_:)``): all
        /// replay needs of it, the call prepared.
        case putRecord(time: Timestamp, accessKeyId: String, region: String, call: KinesisCall)
    }

    /// Reads line `number` from its bytes (without the newline).
    public init(number: Int, bytes: ArraySlice<UInt8>) {
        if let content = bytes.withUnsafeBufferPointer({ Self.scanningPutRecord($0) }) {
            self.init(number: number, content: content)
            return
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            self.init(number: number, content: .notText)
            return
        }
        self.init(number: number, text: text)
    }

    private init(number: Int, content: Content) {
        self.number = number
        self.content = content
        switch content {
        case .blank, .notText, .notAnEntry:
            (isEntry, isRecordsLine, restoredRecordCount, isKeptByCompaction) = (false, false, 0, false)
            isRequest = false
        case .entry(let entry, _):
            (isEntry, isRecordsLine, restoredRecordCount, isKeptByCompaction) = (true, false, 0, !entry.writesRecordsOnly)
            isRequest = entry.isRequest
        case .records(let records):
            (isEntry, isRecordsLine, restoredRecordCount, isKeptByCompaction) = (true, true, records.count, false)
            isRequest = false
        case .putRecord:
            (isEntry, isRecordsLine, restoredRecordCount, isKeptByCompaction) = (true, false, 0, false)
            isRequest = true
        }
    }

    /// Reads line `number` from its text.
    public init(number: Int, text: String) {
        if text.allSatisfy(\.isWhitespace) {
            self.init(number: number, content: .blank)
        } else if text.utf8.starts(with: JournalRecordsLine.prefix) {
            var text = text
            let records = text.withUTF8 { JournalRecordsLine(line: $0) }
            self.init(number: number, content: records.map { .records($0) } ?? .notAnEntry)
        } else if let entry = JournalEntry(line: text) {
            var call: KinesisCall?
            if entry.service == "kinesis", let body = try? JSONReader(limits: AWSService.jsonLimits).read(entry.body) {
                call = KinesisCall(entry.operation, body: body)
            }
            self.init(number: number, content: .entry(entry, call: call))
        } else {
            self.init(number: number, content: .notAnEntry)
        }
    }
}
