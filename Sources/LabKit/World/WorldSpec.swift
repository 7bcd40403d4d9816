/// The world a lab runs in, as its `lab.json` describes it: the home account and region,
/// the principals with their policies, the managed policies they attach, the streams (with
/// records already in them), the keys.
///
/// Anything not named is absent. A lab's submission fills one slot of this world
/// (``SubmissionSlot``); the grader builds a fresh simulated world from it for each grade.
public struct WorldSpec: Sendable, Equatable {
    /// The account most things live in (`111122223333`).
    public var account: String
    /// The region streams live in unless they say otherwise (`us-east-1`).
    public var region: String
    /// Further accounts (a partner account for cross-account labs).
    public var otherAccounts: [String]
    /// IAM users.
    public var users: [PrincipalSpec]
    /// IAM roles.
    public var roles: [PrincipalSpec]
    /// Kinesis streams.
    public var streams: [StreamSpec]
    /// KMS keys.
    public var keys: [KeySpec]
    /// Customer managed policies, which users and roles attach by name or ARN.
    public var managedPolicies: [ManagedPolicySpec]

    /// Creates a world spec.
    public init(account: String = "111122223333", region: String = "us-east-1", otherAccounts: [String] = [],
                users: [PrincipalSpec] = [], roles: [PrincipalSpec] = [], streams: [StreamSpec] = [], keys: [KeySpec] = [],
                managedPolicies: [ManagedPolicySpec] = []) {
        self.account = account
        self.region = region
        self.otherAccounts = otherAccounts
        self.users = users
        self.roles = roles
        self.streams = streams
        self.keys = keys
        self.managedPolicies = managedPolicies
    }

    /// The user or role `ref` names, if the world has it.
    public func principal(_ ref: PrincipalRef) -> PrincipalSpec? {
        let list = ref.kind == .user ? users : roles
        return list.first { $0.name == ref.name && $0.account == (ref.account ?? account) }
    }

    /// The stream called `name` (optionally `ACCOUNT:NAME` or a full ARN), if the world has it.
    public func stream(_ name: String) -> StreamSpec? {
        streams.first { $0.name == name || $0.arn == name || "\($0.account):\($0.name)" == name }
    }

    /// The key with id or alias `name`, if the world has it.
    public func key(_ name: String) -> KeySpec? {
        let id = name.hasPrefix("key/") ? String(name.dropFirst(4)) : name
        return keys.first { $0.id == id || $0.aliases.contains(name) || $0.aliases.contains("alias/\(name)") }
    }
}

/// A policy written inside a lab file: its name and its JSON text (re-serialized, pretty,
/// so explanations can point at lines).
public struct PolicySpec: Sendable, Equatable {
    /// The policy's name (`auditor-read`).
    public var name: String
    /// The policy document.
    public var text: String

    /// Creates a policy spec.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// An IAM user or role of the world.
public struct PrincipalSpec: Sendable, Equatable {
    /// The name.
    public var name: String
    /// The account it belongs to.
    public var account: String
    /// What it is for, in a few words (shown to the learner).
    public var description: String?
    /// Identity-based policies.
    public var policies: [PolicySpec]
    /// The ARNs of the managed policies attached (the world's own or AWS's), in order.
    public var attachedPolicies: [String]
    /// A permissions boundary.
    public var permissionsBoundary: PolicySpec?
    /// For roles: who may assume it.
    public var trustPolicy: PolicySpec?
    /// Tags (`aws:PrincipalTag/KEY`).
    public var tags: [String: String]

    /// Creates a principal spec.
    public init(name: String, account: String, description: String? = nil, policies: [PolicySpec] = [],
                permissionsBoundary: PolicySpec? = nil, trustPolicy: PolicySpec? = nil, tags: [String: String] = [:],
                attachedPolicies: [String] = []) {
        self.name = name
        self.account = account
        self.description = description
        self.policies = policies
        self.attachedPolicies = attachedPolicies
        self.permissionsBoundary = permissionsBoundary
        self.trustPolicy = trustPolicy
        self.tags = tags
    }
}

/// A stream of the world, created ACTIVE before the lab starts.
public struct StreamSpec: Sendable, Equatable {
    /// The stream's name.
    public var name: String
    /// Its account (the home account unless the lab says otherwise).
    public var account: String
    /// Its region.
    public var region: String
    /// Number of shards (provisioned mode).
    public var shards: Int
    /// The KMS key (id or alias) it is encrypted with, if any.
    public var encryptionKey: String?
    /// Its resource-based policy.
    public var resourcePolicy: PolicySpec?
    /// Tags.
    public var tags: [String: String]
    /// Records a producer of the world has already written, in order: (partition key, data).
    public var records: [SeedRecord]

    /// Creates a stream spec.
    public init(name: String, account: String, region: String, shards: Int = 1, encryptionKey: String? = nil,
                resourcePolicy: PolicySpec? = nil, tags: [String: String] = [:], records: [SeedRecord] = []) {
        self.name = name
        self.account = account
        self.region = region
        self.shards = shards
        self.encryptionKey = encryptionKey
        self.resourcePolicy = resourcePolicy
        self.tags = tags
        self.records = records
    }

    /// `arn:aws:kinesis:REGION:ACCOUNT:stream/NAME`.
    public var arn: String { "arn:aws:kinesis:\(region):\(account):stream/\(name)" }
}

/// A record put into a stream before the lab starts.
public struct SeedRecord: Sendable, Equatable {
    /// Its partition key.
    public var partitionKey: String
    /// Its data, as text.
    public var data: String

    /// Creates a record.
    public init(partitionKey: String, data: String) {
        self.partitionKey = partitionKey
        self.data = data
    }
}

/// A customer managed KMS key of the world.
public struct KeySpec: Sendable, Equatable {
    /// The key id (a UUID-like string).
    public var id: String
    /// Its account.
    public var account: String
    /// Its region.
    public var region: String
    /// Aliases (`alias/orders-key`).
    public var aliases: [String]
    /// The key policy.
    public var policy: PolicySpec?

    /// Creates a key spec.
    public init(id: String, account: String, region: String, aliases: [String] = [], policy: PolicySpec? = nil) {
        self.id = id
        self.account = account
        self.region = region
        self.aliases = aliases
        self.policy = policy
    }

    /// `arn:aws:kms:REGION:ACCOUNT:key/ID`.
    public var arn: String { "arn:aws:kms:\(region):\(account):key/\(id)" }
}
