import IAMPolicy

/// `ListStreamConsumers`' input.
public struct ListStreamConsumersInput: Sendable, Equatable {
    /// `StreamARN` (required).
    public var streamARN: String?
    /// `NextToken` from the previous page.
    public var nextToken: String?
    /// `MaxResults` (1–10000; default 100).
    public var maxResults: Int?
    /// `StreamCreationTimestamp`: when given, must be the stream's, telling apart streams that
    /// reused a name.
    public var streamCreationTimestamp: Timestamp?

    /// Creates an input.
    public init(streamARN: String?, nextToken: String? = nil, maxResults: Int? = nil, streamCreationTimestamp: Timestamp? = nil) {
        self.streamARN = streamARN
        self.nextToken = nextToken
        self.maxResults = maxResults
        self.streamCreationTimestamp = streamCreationTimestamp
    }
}

/// `ListStreamConsumers`' output.
public struct ListStreamConsumersOutput: Sendable, Equatable {
    /// `Consumers`, in ascending name order.
    public var consumers: [ConsumerSummary]
    /// `NextToken`: present when more consumers remain.
    public var nextToken: String?
}

extension KinesisWorld {
    /// `ListStreamConsumers`: the stream's consumers by name, `MaxResults` at a time. A
    /// `NextToken` is valid for the world's token lifetime (AWS: 300 s), then
    /// `ExpiredNextTokenException`.
    public func listStreamConsumers(_ input: ListStreamConsumersInput, as caller: Caller) throws(KinesisError) -> ListStreamConsumersOutput {
        var v = ValidationErrors()
        v.required(input.streamARN, at: "streamARN")
        v.check(input.streamARN, at: "streamARN", length: 1...2048, pattern: .streamARN)
        v.check(input.nextToken, at: "nextToken", length: 1...1_048_576)
        v.check(input.maxResults, at: "maxResults", range: 1...10_000)
        try v.throwIfAny()
        guard let streamARN = input.streamARN else { return ListStreamConsumersOutput(consumers: []) }
        let ref = try resolve(StreamTarget.arn(streamARN), for: caller)
        try authorize(caller, "kinesis:ListStreamConsumers", stream: ref)
        var after: String?
        if let token = input.nextToken {
            let page = try ConsumerPageToken(decoding: token)
            guard page.streamARN == ref.arn else {
                throw KinesisError(.invalidArgument, "NextToken does not belong to stream \(ref.arn).")
            }
            if now.milliseconds - page.issued.milliseconds > settings.nextTokenLifetimeMilliseconds {
                throw KinesisError(.expiredNextToken,
                    "The NextToken has expired: it was issued at \(page.issued) and is valid for \(settings.nextTokenLifetimeMilliseconds) milliseconds.")
            }
            after = page.lastName
        }
        let s = try existingStream(ref)
        if let created = input.streamCreationTimestamp, created != s.createdAt {
            throw KinesisError(.resourceNotFound,
                "Stream \(s.name) under account \(s.account) with creation timestamp \(created) not found.")
        }
        var all = s.consumers.sorted { $0.name < $1.name }
        if let after { all.removeAll { $0.name <= after } }
        let limit = input.maxResults ?? 100
        let page = all.prefix(limit).map(ConsumerSummary.init)
        let next = all.count > limit
            ? ConsumerPageToken(streamARN: ref.arn, lastName: page.last?.consumerName ?? "", issued: now).encoded
            : nil
        return ListStreamConsumersOutput(consumers: page, nextToken: next)
    }
}

extension ListStreamConsumersOutput {
    init(consumers: [ConsumerSummary]) {
        self.init(consumers: consumers, nextToken: nil)
    }
}

/// The position a ListStreamConsumers `NextToken` carries: the stream, the last name listed
/// and when the token was issued, hex-encoded (opaque to clients, stable across deregistrations).
struct ConsumerPageToken: Equatable {
    var streamARN: String
    var lastName: String
    var issued: Timestamp

    init(streamARN: String, lastName: String, issued: Timestamp) {
        self.streamARN = streamARN
        self.lastName = lastName
        self.issued = issued
    }

    /// Reads a token, or `InvalidArgumentException` for anything this world did not issue.
    init(decoding token: String) throws(KinesisError) {
        let invalid = KinesisError(.invalidArgument, "Invalid NextToken.")
        let hex = Array(token.utf8)
        guard hex.count % 2 == 0 else { throw invalid }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var i = 0
        while i < hex.count {
            guard let high = Self.nibble(hex[i]), let low = Self.nibble(hex[i + 1]) else { throw invalid }
            bytes.append(high << 4 | low)
            i += 2
        }
        let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 4, fields[0] == "c1", let ms = Int64(fields[1]), let issued = Timestamp(wireMilliseconds: ms),
              !fields[2].isEmpty else { throw invalid }
        self.init(streamARN: fields[2], lastName: fields[3], issued: issued)
    }

    /// The token's text.
    var encoded: String {
        let fields = ["c1", String(issued.milliseconds), streamARN, lastName]
        let bytes = Array(fields.joined(separator: "\u{0}").utf8)
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        default: nil
        }
    }
}
