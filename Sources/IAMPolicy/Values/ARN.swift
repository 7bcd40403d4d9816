/// An Amazon Resource Name split into its six colon-delimited components:
/// `arn:partition:service:region:account:resource`.
///
/// The resource is everything after the fifth colon and may itself contain `:` and `/`
/// (`stream/orders/consumer/app1:1525898737`). Parsing is structural only: the text must
/// start with `arn:` (case-sensitive) and contain at least five colons; components may be
/// empty (IAM and S3 ARNs have empty region/account) and are not validated further.
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    /// The number of components, the literal `arn` included.
    public static let componentCount = 6

    /// The partition (`aws`, `aws-cn`, `aws-us-gov`, ...).
    public let partition: String
    /// The service namespace (`kinesis`, `iam`, ...).
    public let service: String
    /// The region (may be empty).
    public let region: String
    /// The account id (may be empty).
    public let account: String
    /// Everything after the fifth colon (may contain `:` and `/`).
    public let resource: String

    /// An ARN from its components.
    public init(partition: String, service: String, region: String, account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Parses `arn:partition:service:region:account:resource`; `nil` if `text` is not an ARN.
    /// The account field when it names an account: `nil` when it is empty (S3-style ARNs)
    /// or a wildcard `*`.
    public var namedAccount: String? {
        account.isEmpty || account == "*" ? nil : account
    }

    public init?(parsing text: String) {
        guard let c = ARN.components(of: text) else { return nil }
        self.init(
            partition: String(c[1]), service: String(c[2]), region: String(c[3]),
            account: String(c[4]), resource: String(c[5]))
    }

    /// The six components of `text` — `"arn"`, partition, service, region, account, resource —
    /// or `nil` unless `text` starts with `arn:` and has at least five colons. The last
    /// component keeps any further colons. Used by `ArnLike`-style matching, which compares
    /// components separately (and works on patterns containing `*`/`?` too).
    public static func components(of text: String) -> [Substring]? {
        guard text.utf8.starts(with: "arn:".utf8) else { return nil }
        var parts: [Substring] = []
        parts.reserveCapacity(componentCount)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex && parts.count < componentCount - 1 {
            if utf8[i] == UInt8(ascii: ":") {
                parts.append(Substring(utf8[start..<i]))
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        guard parts.count == componentCount - 1 else { return nil }
        parts.append(Substring(utf8[start...]))
        return parts
    }

    /// The ARN text, reassembled.
    public var description: String {
        "arn:\(partition):\(service):\(region):\(account):\(resource)"
    }
}
