/// A stream's lifecycle state, as DescribeStream reports it.
public enum StreamStatus: String, Sendable, Equatable {
    case creating = "CREATING"
    case active = "ACTIVE"
    case updating = "UPDATING"
    case deleting = "DELETING"
}

/// PROVISIONED (a shard count) or ON_DEMAND (AWS scales).
public enum StreamMode: String, Sendable, Equatable {
    case provisioned = "PROVISIONED"
    case onDemand = "ON_DEMAND"
}

/// How a stream encrypts records at rest.
public enum StreamEncryption: Sendable, Equatable {
    case none
    /// Server-side encryption with a KMS key, as the caller named it (`KeyId`).
    case kms(keyId: String)

    /// `NONE` or `KMS`.
    public var typeName: String {
        switch self {
        case .none: "NONE"
        case .kms: "KMS"
        }
    }
}
