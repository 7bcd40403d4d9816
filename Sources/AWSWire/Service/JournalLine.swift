import IAMPolicy
import KinesisSim

/// One line of a journal, read ahead of replay (``AWSService/replay(_:)``): its entry and,
/// for Kinesis, its call decoded from the body. Reading is most of replay's cost and needs neither the
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
    }

    /// Reads line `number` from its bytes (without the newline).
    public init(number: Int, bytes: ArraySlice<UInt8>) {
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

    /// Whether the line holds an entry.
    public var isEntry: Bool {
        if case .entry = content { return true }
        return false
    }
}
