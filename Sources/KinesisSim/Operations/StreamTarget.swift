import IAMPolicy

/// How a request names its stream: `StreamName`, `StreamARN`, or both (they must agree).
public struct StreamTarget: Sendable, Equatable {
    /// `StreamName`, when given.
    public var name: String?
    /// `StreamARN`, when given.
    public var arn: String?

    /// Names a stream by name (in the caller's account and region).
    public static func named(_ name: String) -> StreamTarget { StreamTarget(name: name, arn: nil) }
    /// Names a stream by ARN (possibly another account's, for cross-account access).
    public static func arn(_ arn: String) -> StreamTarget { StreamTarget(name: nil, arn: arn) }

    /// Creates a target.
    public init(name: String?, arn: String?) {
        self.name = name
        self.arn = arn
    }

    /// Model constraints on the two members.
    func validate(into v: inout ValidationErrors) {
        v.check(name, at: "streamName", length: 1...128, pattern: .streamName)
        v.check(arn, at: "streamARN", length: 1...2048, pattern: .streamARN)
    }
}

/// A resolved stream: where it lives and what its ARN is, whether or not it exists yet.
struct StreamRef: Sendable, Equatable {
    var account: String
    var region: String
    var name: String

    init(account: String, region: String, name: String) {
        self.account = account
        self.region = region
        self.name = name
    }

    /// The stream a stream ARN names (`arn:aws:kinesis:REGION:ACCOUNT:stream/NAME`); `nil`
    /// for another partition (the model's pattern `arn:aws.*:` lets `aws-cn` through, but
    /// this endpoint, like each real one, serves one partition) or another service.
    init?(arn: String) {
        guard let parsed = ARN(parsing: arn), parsed.partition == Self.partition, parsed.service == "kinesis",
              parsed.resource.hasPrefix("stream/"), parsed.resource.count > 7 else {
            return nil
        }
        self.init(account: parsed.account, region: parsed.region, name: String(parsed.resource.dropFirst(7)))
    }
    var arn: String { "arn:aws:kinesis:\(region):\(account):stream/\(name)" }

    /// The only partition the world has.
    static let partition = "aws"
}
