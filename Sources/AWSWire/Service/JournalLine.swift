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

    enum Content: Sendable {
        case blank
        case notText
        case notAnEntry
        /// The entry, and for Kinesis its call (`nil` when the body is not JSON).
        case entry(JournalEntry, call: KinesisCall?)
        /// A shard's records.
        case records(JournalRecordsLine)
        /// A Kinesis PutRecord entry read the quick way (see ``scanningPutRecord(_:)``): all
        /// replay needs of it.
        case putRecord(time: Timestamp, accessKeyId: String, region: String, input: PutRecordInput)
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

    /// Whether the line holds an entry or records.
    public var isEntry: Bool {
        switch content {
        case .entry, .records, .putRecord: true
        case .blank, .notText, .notAnEntry: false
        }
    }

    /// Whether the line holds records rather than a request.
    public var isRecordsLine: Bool {
        if case .records = content { return true }
        return false
    }

    /// How many records the line puts back (0 for an entry).
    public var restoredRecordCount: Int {
        if case .records(let records) = content { return records.count }
        return 0
    }

    /// Whether a compaction keeps the line as it is: an entry that changed more than records.
    /// (Records lines and PutRecord entries are rewritten from the world.)
    public var isKeptByCompaction: Bool {
        if case .entry(let entry, _) = content { return !entry.writesRecordsOnly }
        return false
    }
}
