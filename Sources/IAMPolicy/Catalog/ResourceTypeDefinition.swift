/// A resource type of a service with its ARN pattern, such as Kinesis's `stream`.
public struct ResourceTypeDefinition: Sendable, Hashable {
    /// The resource type name (`stream`, `consumer`, `kmsKey`, `key`, `alias`).
    public let name: String
    /// The ARN pattern with `${...}` placeholders
    /// (`arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}`).
    public let arnPattern: String
    /// Condition keys that apply to the resource type.
    public let conditionKeys: [String]
    /// The compiled `arnPattern`.
    let compiledPattern: PlaceholderPattern

    /// Creates a resource type definition.
    public init(name: String, arnPattern: String, conditionKeys: [String] = []) {
        self.name = name
        self.arnPattern = arnPattern
        self.conditionKeys = conditionKeys
        self.compiledPattern = PlaceholderPattern(arnPattern, arnSegments: true)
    }

    /// The service field of the ARN pattern (`kms` for Kinesis's `kmsKey`), when it is literal.
    public var arnService: String? {
        let fields = arnPattern.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count > 2, !fields[2].contains("${") else { return nil }
        return String(fields[2])
    }

    /// Whether the concrete `arn` has this resource type's shape.
    ///
    /// Each `${...}` stands for one segment: one or more characters other than `/` and `:`.
    /// The last placeholder may contain `:` but not `/`, so
    /// `arn:aws:kinesis:us-east-1:111122223333:stream/orders` is a `stream` while
    /// `...:stream/orders/consumer/c:123` is not (it is a `consumer`). KMS's `${Alias}` is the
    /// exception: alias names may contain `/` (`alias/aws/kinesis`). Literals match case-sensitively.
    public func matches(arn: String) -> Bool {
        compiledPattern.matches(arn)
    }
}
