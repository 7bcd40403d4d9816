/// A KMS key: the AWS managed `alias/aws/kinesis` key, or a customer managed key with its key policy.
public struct KMSKey: Sendable {
    /// The states of a key that matter to Kinesis.
    public enum State: String, Sendable {
        case enabled = "Enabled"
        case disabled = "Disabled"
        case pendingDeletion = "PendingDeletion"
    }

    /// The key id (a UUID).
    public var id: String
    /// `arn:aws:kms:REGION:ACCOUNT:key/ID`.
    public var arn: String
    /// The account that owns the key.
    public var account: String
    /// The key's region.
    public var region: String
    /// Aliases, `alias/NAME`.
    public var aliases: [String]
    /// Whether AWS manages the key (`alias/aws/kinesis`): then no key policy or IAM grant is needed.
    public var awsManaged: Bool
    /// The key policy (customer managed keys always have one).
    public var keyPolicy: NamedPolicy?
    /// The key's state.
    public var state: State

    /// Creates a key.
    public init(id: String, account: String, region: String, aliases: [String] = [], awsManaged: Bool = false,
                keyPolicy: NamedPolicy? = nil, state: State = .enabled) {
        self.id = id
        self.arn = "arn:aws:kms:\(region):\(account):key/\(id)"
        self.account = account
        self.region = region
        self.aliases = aliases
        self.awsManaged = awsManaged
        self.keyPolicy = keyPolicy
        self.state = state
    }
}
