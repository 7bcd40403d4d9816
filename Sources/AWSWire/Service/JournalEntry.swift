import IAMPolicy
import KinesisSim

/// One successful state-changing request, as `--state FILE` keeps it: replaying every entry
/// in order into a fresh service rebuilds the same world. Generated keys are random, so an
/// entry records the values its call issued (the state file holds those secrets, as the
/// server's memory did).
public struct JournalEntry: Sendable, Equatable {
    /// The journal line format's version.
    public static let formatVersion = 1

    /// When the request was handled.
    public var time: Timestamp
    /// `kinesis`, `sts` or `iam`; `kdslab` for a setting kdslab journals itself (see
    /// ``AWSService/setTransitions(_:now:)``).
    public var service: String
    /// The operation (`CreateStream`, `AssumeRole`, `CreateUser`).
    public var operation: String
    /// The access key id the request was signed with.
    public var accessKeyId: String
    /// The caller's ARN (for reading the journal; replay uses the access key).
    public var callerArn: String
    /// The region from the signature's scope.
    public var region: String
    /// The request body: JSON for Kinesis, the form parameters for query services.
    public var body: String
    /// The values the call generated, in order (access key ids, secrets, session tokens);
    /// empty for calls that generate none, and in lines written before kdslab recorded them.
    public var issued: [String]

    /// Creates an entry.
    public init(time: Timestamp, service: String, operation: String, accessKeyId: String, callerArn: String,
                region: String, body: String, issued: [String] = []) {
        self.issued = issued
        self.time = time
        self.service = service
        self.operation = operation
        self.accessKeyId = accessKeyId
        self.callerArn = callerArn
        self.region = region
        self.body = body
    }

    /// The entry as one JSON line (no newline).
    public var line: String {
        var bytes: [UInt8] = []
        appendLine(to: &bytes)
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``line`` and a newline to `out`: members in a fixed order, no spaces, strings
    /// escaped as ``JSONWriter`` escapes them (the layout replay scans quickly).
    public func appendLine(to out: inout [UInt8]) {
        out += #"{"v":\#(Self.formatVersion),"time":\#(time.milliseconds),"service":"#.utf8
        JSONWriter.appendString(service, to: &out)
        out += #","operation":"#.utf8
        JSONWriter.appendString(operation, to: &out)
        out += #","accessKeyId":"#.utf8
        JSONWriter.appendString(accessKeyId, to: &out)
        out += #","caller":"#.utf8
        JSONWriter.appendString(callerArn, to: &out)
        out += #","region":"#.utf8
        JSONWriter.appendString(region, to: &out)
        out += #","body":"#.utf8
        JSONWriter.appendString(body, to: &out)
        if !issued.isEmpty {
            out += #","issued":["#.utf8
            for (i, value) in issued.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(value, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
        out.append(0x0A)
    }

    /// Whether the entry only wrote records (PutRecord, PutRecords): a compacted journal
    /// keeps the records these wrote, not the requests.
    public var writesRecordsOnly: Bool {
        service == "kinesis" && (operation == "PutRecord" || operation == "PutRecords")
    }

    /// Reads a line written by ``line``; `nil` when it is not one.
    public init?(line: String) {
        guard let entry = Self.scanning(line) ?? Self.reading(line) else { return nil }
        self = entry
    }

    /// Reads `line` with the JSON reader: any member order and spacing.
    static func reading(_ line: String) -> JournalEntry? {
        guard let v = try? JSONReader(limits: .init(maxBytes: 64 << 20, maxDepth: 8)).read(line),
              case .number(let version)? = v["v"]?.kind, Int(version) == Self.formatVersion,
              case .number(let ms)? = v["time"]?.kind, let time = Int64(ms).flatMap(Timestamp.init(wireMilliseconds:)),
              let service = v["service"]?.stringValue, let operation = v["operation"]?.stringValue,
              let key = v["accessKeyId"]?.stringValue, let arn = v["caller"]?.stringValue,
              let region = v["region"]?.stringValue, let body = v["body"]?.stringValue else { return nil }
        var issued: [String] = []
        if let list = v["issued"] {
            guard let elements = list.elements else { return nil }
            for e in elements {
                guard let value = e.stringValue else { return nil }
                issued.append(value)
            }
        }
        return JournalEntry(time: time, service: service, operation: operation, accessKeyId: key,
                            callerArn: arn, region: region, body: body, issued: issued)
    }
}
