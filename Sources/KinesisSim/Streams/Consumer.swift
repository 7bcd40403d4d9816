import IAMPolicy

/// An enhanced fan-out consumer registered on a stream.
public struct Consumer: Sendable {
    /// The consumer's states.
    public enum Status: String, Sendable {
        case creating = "CREATING"
        case active = "ACTIVE"
        case deleting = "DELETING"
    }

    /// The consumer's name.
    public var name: String
    /// `STREAM_ARN/consumer/NAME:CREATION_EPOCH_SECONDS`.
    public var arn: String
    /// When it was registered.
    public var createdAt: Timestamp
    /// Its state as of `statusUntil`.
    public var status: Status
    /// When a transitional state (CREATING, DELETING) ends.
    public var statusUntil: Timestamp?
    /// Tags.
    public var tags: [String: String]
    /// The consumer's resource-based policy, if any.
    public var resourcePolicy: NamedPolicy?

    /// Creates a consumer.
    public init(name: String, streamARN: String, createdAt: Timestamp, status: Status, statusUntil: Timestamp?,
                tags: [String: String] = [:]) {
        self.name = name
        self.arn = "\(streamARN)/consumer/\(name):\(createdAt.milliseconds / 1000)"
        self.createdAt = createdAt
        self.status = status
        self.statusUntil = statusUntil
        self.tags = tags
    }
}
