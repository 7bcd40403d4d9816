/// One AWS account: its IAM identities and managed policies, and per region its streams and keys.
public struct Account: Sendable {
    /// The 12-digit account id.
    public var id: String
    /// IAM users by name.
    public var users: [String: IAMUser] = [:]
    /// IAM roles by name.
    public var roles: [String: IAMRole] = [:]
    /// Customer managed policies by name (unique in the account, whatever their path).
    public var policies: [String: ManagedPolicy] = [:]
    /// Streams by region, then by name.
    public var streams: [String: [String: Stream]] = [:]
    /// KMS keys by key id.
    public var keys: [String: KMSKey] = [:]

    /// Creates an empty account.
    public init(id: String) {
        self.id = id
    }
}
